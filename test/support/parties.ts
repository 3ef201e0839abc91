import { usccCheckCharacter } from '../../src/domain/ids/uscc.js';

/** A unified social credit code of a company registered in `region`, with a correct check character. */
export function usccOf(region: string, organisationCode: string): string {
  const first17 = `91${region}${organisationCode}`;
  return first17 + usccCheckCharacter(first17);
}

/** Registers a party through the API and fails loudly if the platform refuses it. */
export async function registerParty(
  app: { inject: (opts: { method: 'POST'; url: string; headers: Record<string, string>; payload: unknown }) => Promise<{ statusCode: number; body: string }> },
  auth: Record<string, string>,
  party: { uscc: string; name: string; region: string; sectors?: string[] },
): Promise<void> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/parties', headers: auth, payload: party });
  if (res.statusCode !== 201) throw new Error(`registering ${party.uscc}: ${res.statusCode} ${res.body}`);
}
