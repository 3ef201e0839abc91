const GS1_VOC = 'https://gs1.org/voc/';

/**
 * The RFC 9264 linkset of a code, as a GS1 Digital Link resolver answers it (GS1 Digital Link 1.2 §6, GS1 Web
 * Vocabulary link types): where a person reads about the product, and where a machine reads its trace.
 */
export function linksetOf(opts: { publicBaseUrl: string; path: string; code: string }): { linkset: Array<Record<string, unknown>> } {
  const page = `${opts.publicBaseUrl}${opts.path}`;
  const languages = ['zh-CN', 'en'];
  return {
    linkset: [{
      anchor: page,
      [`${GS1_VOC}defaultLink`]: [{ href: page, title: '产品追溯信息 Product traceability', type: 'text/html', hreflang: languages }],
      [`${GS1_VOC}pip`]: [{ href: page, title: '产品信息 Product information page', type: 'text/html', hreflang: languages }],
      [`${GS1_VOC}traceability`]: [
        { href: page, title: '追溯信息（JSON）Traceability (JSON)', type: 'application/json' },
        { href: `${opts.publicBaseUrl}/api/v1/trace/${encodeURIComponent(opts.code)}?direction=backward`, title: '溯源（JSON）Backward trace (JSON)', type: 'application/json' },
      ],
      [`${GS1_VOC}eventsFeed`]: [{ href: `${opts.publicBaseUrl}/epcis/v2/events?MATCH_anyEPC=${encodeURIComponent(opts.code)}`, title: 'EPCIS 2.0 events (sign-in)', type: 'application/ld+json' }],
    }],
  };
}
