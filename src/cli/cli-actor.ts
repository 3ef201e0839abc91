import { userInfo } from 'node:os';
import type { AuditActor } from '../domain/audit/actor.js';

/** The operating-system user who runs a command, as the audit log names them. */
export function cliActor(): AuditActor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    // A container may run as a uid without an entry in /etc/passwd.
    name = String(process.getuid?.() ?? 'unknown');
  }
  return { type: 'cli', id: name };
}
