import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../support/free-port.js';
import { DEMO } from '../../src/demo/pork-chain.js';
import { commission, documentOf, lot, q } from '../support/chain.js';

const BIN = new URL('../../bin/zhuisu.js', import.meta.url).pathname;
const TOKEN = 'cli-test-token-0123456789';

function zhuisu(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}

describe('zhuisu command line (sqlite)', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(inject('scratchDir'), 'cli-'));
    env = { ZHUISU_DATA_DIR: dataDir, ZHUISU_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' };
  });

  it('serves the demo on a new database, and an acknowledged capture survives kill -9', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' } });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
        server.stdout.on('data', () => {
          if (output.includes('listening')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect(output).toContain('Demo loaded');
      expect(output).toContain(DEMO.loinLot);

      const event = { '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], ...commission(0, [q(lot('DURABLE'), 42)]) };
      const response = await fetch(`http://127.0.0.1:${port}/epcis/v2/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(event),
      });
      expect(response.status).toBe(201);
    } finally {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }

    const traced = zhuisu(['trace', lot('DURABLE'), '--json'], env);
    expect(traced.status).toBe(0);
    const result = JSON.parse(traced.stdout);
    expect(result.events.map((e: { bizStep?: string }) => e.bizStep)).toEqual(['commissioning']);
  });

  it('prints the demo pork loin lot\'s chain back to the farm as a tree', () => {
    const traced = zhuisu(['trace', DEMO.loinLot, '--backward'], env);
    expect(traced.status).toBe(0);
    expect(traced.stdout).toContain('溯源 backward');
    for (const id of [DEMO.loinLot, DEMO.carcassLot, DEMO.pigLot, DEMO.pallet, DEMO.farm.party, DEMO.market.party]) {
      expect(traced.stdout).toContain(id);
    }
    expect(traced.stdout.indexOf(DEMO.carcassLot)).toBeLessThan(traced.stdout.indexOf(DEMO.pigLot));
  });

  it('imports an EPCIS document and refuses a broken one without storing any of it', () => {
    const good = join(dataDir, 'good.jsonld');
    writeFileSync(good, JSON.stringify(documentOf([commission(0, [q(lot('IMP1'), 1)]), commission(1, [q(lot('IMP2'), 2)])])));
    const imported = zhuisu(['import', good], env);
    expect(imported.stdout).toContain('captured 2 events');
    expect(imported.status).toBe(0);

    const bad = join(dataDir, 'bad.jsonld');
    writeFileSync(bad, JSON.stringify(documentOf([commission(0, [q(lot('IMP3'), 1)]), { ...commission(1, [q(lot('IMP4'), 1)]), action: 'MOVE' }])));
    const refused = zhuisu(['import', bad], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nothing was stored');
    expect(refused.stderr).toContain('event 1');
    expect(zhuisu(['trace', lot('IMP3')], env).status).toBe(1);
  });

  it('says what went wrong for an unknown id', () => {
    const traced = zhuisu(['trace', lot('NEVER')], env);
    expect(traced.status).toBe(1);
    expect(traced.stderr).toContain(lot('NEVER'));
  });
});
