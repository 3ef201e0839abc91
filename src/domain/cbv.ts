/** CBV 2.0 vocabularies whose values may be written three ways: bare word, GS1 web URI, or EPCIS 1.x URN. */
export type CbvVocabulary = 'bizStep' | 'disposition' | 'bizTransactionType' | 'sourceDestType' | 'errorReason';

const WEB_PREFIX: Record<CbvVocabulary, string> = {
  bizStep: 'BizStep-',
  disposition: 'Disp-',
  bizTransactionType: 'BTT-',
  sourceDestType: 'SDT-',
  errorReason: 'ER-',
};

const URN_PREFIX: Record<CbvVocabulary, string> = {
  bizStep: 'urn:epcglobal:cbv:bizstep:',
  disposition: 'urn:epcglobal:cbv:disp:',
  bizTransactionType: 'urn:epcglobal:cbv:btt:',
  sourceDestType: 'urn:epcglobal:cbv:sdt:',
  errorReason: 'urn:epcglobal:cbv:er:',
};

// CBV 2.0 §6: the same value may be a bare word in JSON-LD, a ref.gs1.org or gs1.org/voc URI, or a 1.x URN.
const WEB_BASES = ['https://ref.gs1.org/cbv/', 'https://gs1.org/voc/', 'http://gs1.org/voc/', 'https://ref.gs1.org/voc/'];

/**
 * The short form of a CBV value: `shipping` for `https://ref.gs1.org/cbv/BizStep-shipping` or
 * `urn:epcglobal:cbv:bizstep:shipping`; values outside the CBV (extension URIs) come back unchanged.
 */
export function shortCbv(vocabulary: CbvVocabulary, value: string): string {
  const urn = URN_PREFIX[vocabulary];
  if (value.startsWith(urn)) return value.slice(urn.length);
  const web = WEB_PREFIX[vocabulary];
  for (const base of WEB_BASES) {
    if (value.startsWith(base) && value.startsWith(web, base.length)) return value.slice(base.length + web.length);
  }
  return value;
}

/** The GS1 web URI of a CBV value (`shipping` → `https://ref.gs1.org/cbv/BizStep-shipping`); URIs pass through. */
export function cbvUri(vocabulary: CbvVocabulary, value: string): string {
  const short = shortCbv(vocabulary, value);
  return short.includes(':') ? short : `https://ref.gs1.org/cbv/${WEB_PREFIX[vocabulary]}${short}`;
}
