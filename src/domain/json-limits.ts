import { isObject } from './event.js';

/** Deeper JSON is refused before recursive code (validation, event hashing, storage) sees it; EPCIS documents nest under 20. */
export const MAX_JSON_DEPTH = 64;

interface Node {
  value: unknown;
  key: string;
  depth: number;
  parent?: Node;
}

/**
 * The first place in parsed JSON that nests deeper than MAX_JSON_DEPTH or holds a NUL character (which PostgreSQL text
 * cannot store), named as a field path; walked without recursion so that the check itself cannot overflow the stack.
 */
export function findUnstorableJson(root: unknown): { field: string; reason: string } | undefined {
  const top: Node = { value: root, key: '', depth: 0 };
  if (typeof root === 'string') return hasNul(root) ? at(top, NUL_VALUE) : undefined;
  if (typeof root !== 'object' || root === null) return undefined;
  // Only objects and lists go on the stack: the strings and numbers of a document outnumber them many times.
  const stack: Node[] = [top];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.depth >= MAX_JSON_DEPTH) return at(node, `nests objects and lists more than ${MAX_JSON_DEPTH} levels deep`);
    const { value } = node;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = visit(node, i, value[i], stack);
        if (found) return found;
      }
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (hasNul(key)) return at(child(node, key, value[key]), 'has a name with the NUL character (U+0000), which cannot be stored');
        const found = visit(node, key, value[key], stack);
        if (found) return found;
      }
    }
  }
  return undefined;
}

// Checks a string where it is; pushes an object or list for later.
function visit(parent: Node, key: string | number, value: unknown, stack: Node[]): { field: string; reason: string } | undefined {
  if (typeof value === 'string') return hasNul(value) ? at(child(parent, key, value), NUL_VALUE) : undefined;
  if (typeof value === 'object' && value !== null) stack.push(child(parent, key, value));
  return undefined;
}

const NUL_VALUE = 'contains the NUL character (U+0000), which cannot be stored';

function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

// A list index is named only for a list that goes on the stack or holds the problem.
function child(parent: Node, key: string | number, value: unknown): Node {
  return { value, key: typeof key === 'number' ? `[${key}]` : key, depth: parent.depth + 1, parent };
}

function at(node: Node, reason: string): { field: string; reason: string } {
  const keys: string[] = [];
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) keys.unshift(n.key);
  const field = keys.reduce((name, key) => (key.startsWith('[') || name === '' ? name + key : `${name}.${key}`), '');
  return { field, reason: field === '' ? `the body ${reason}` : `field ${field} ${reason}` };
}
