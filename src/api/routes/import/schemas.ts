import { Type } from '@sinclair/typebox';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TemplateParams = Type.Object({
  sector: Type.String({ description: 'Sector profile id, e.g. edible-agri' }),
  stage: Type.String({ description: 'Stage id within the sector, e.g. farming' }),
});

export const ImportQuery = Type.Object(
  {
    sector: Type.String({ minLength: 1, description: 'Sector profile id of every row, e.g. edible-agri' }),
    stage: Type.String({ minLength: 1, description: 'Stage id of every row, e.g. farming' }),
  },
  { additionalProperties: false },
);

/** For the OpenAPI document: the file as the body, CSV or XLSX. */
export const ImportBody = {
  content: {
    [CSV_TYPE]: { schema: { type: 'string', format: 'binary', description: 'The stage template as CSV, UTF-8 (with or without BOM) or GB18030/GBK' } },
    [XLSX_TYPE]: { schema: { type: 'string', format: 'binary', description: 'The stage template as XLSX; the first sheet is read' } },
  },
};

export const ImportResultView = Type.Object({
  captureId: Type.String({ description: 'The capture job of the import; every event it stored carries it' }),
  rows: Type.Integer({ description: 'Rows read (blank rows are not counted)' }),
  stored: Type.Integer({ description: 'Records stored now' }),
  skipped: Type.Integer({ description: 'Rows whose record was already stored: the same content gives the same event' }),
  alerts: Type.Array(Type.Object({ row: Type.Integer(), rule: Type.String(), message: Type.String() }), { description: 'Alerts the sector rules raised, by row' }),
  moreAlerts: Type.Optional(Type.Integer({ description: 'Alerts raised beyond those listed' })),
});

export const CsvFile = { description: 'The stage template, UTF-8 with BOM', content: { [CSV_TYPE]: { schema: { type: 'string' } } } };
export const XlsxFile = { description: 'The stage template with a notes sheet', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } };
