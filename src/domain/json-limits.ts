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
  const stack: Node[] = [{ value: root, key: '', depth: 0 }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value, depth } = node;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return at(node, 'contains the NUL character (U+0000), which cannot be stored');
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return at(node, `nests objects and lists more than ${MAX_JSON_DEPTH} levels deep`);
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value);
    for (const [key, inner] of entries) {
      const child: Node = { value: inner, key, depth: depth + 1, parent: node };
      if (key.includes('\u0000')) return at(child, 'has a name with the NUL character (U+0000), which cannot be stored');
      stack.push(child);
    }
  }
  return undefined;
}

function at(node: Node, reason: string): { field: string; reason: string } {
  const keys: string[] = [];
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) keys.unshift(n.key);
  const field = keys.reduce((name, key) => (key.startsWith('[') || name === '' ? name + key : `${name}.${key}`), '');
  return { field, reason: field === '' ? `the body ${reason}` : `field ${field} ${reason}` };
}
