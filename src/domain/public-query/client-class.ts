/** What kind of client queried a code, read from its User-Agent: enough to tell a phone from a script, never which. */
export type ClientClass = 'wechat' | 'alipay' | 'mobile' | 'desktop' | 'bot' | 'other';

// Checked in order: WeChat and Alipay run on phones and say so too, and crawlers often claim to be a browser.
const CLASSES: ReadonlyArray<[ClientClass, RegExp]> = [
  ['bot', /bot|crawl|spider|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|autocannon|headless/i],
  ['wechat', /MicroMessenger/i],
  ['alipay', /AlipayClient/i],
  ['mobile', /Mobile|Android|iPhone|iPad|HarmonyOS/i],
  ['desktop', /Windows NT|Macintosh|X11|CrOS/i],
];

export function clientClassOf(userAgent: string | undefined): ClientClass {
  if (!userAgent) return 'other';
  return CLASSES.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? 'other';
}
