/** Everything of a code's public query URL before the code: `{publicBaseUrl}/t/`. */
export function traceQueryUrlBase(publicBaseUrl: string): string {
  return `${publicBaseUrl}/t/`;
}

/**
 * The public query URL of a trace code, the content of its QR code: anyone who scans it sees the unit's trace.
 * @example traceQueryUrl('https://trace.example.cn', '0000007JKN37GBTHHFG3') // 'https://trace.example.cn/t/0000007JKN37GBTHHFG3'
 */
export function traceQueryUrl(publicBaseUrl: string, code: string): string {
  return traceQueryUrlBase(publicBaseUrl) + code;
}
