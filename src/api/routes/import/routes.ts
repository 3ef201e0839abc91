import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import type { Importer } from '../../../capture/import/import-records.js';
import { findImportStage } from '../../../capture/import/import-records.js';
import { templateCsv, templateName, templateXlsx } from '../../../capture/import/template.js';
import type { Profiles } from '../../../capture/records/profiles.js';
import { DomainError } from '../../../domain/errors.js';
import { problemResponses } from '../../problem.js';
import { CSV_TYPE, CsvFile, ImportBody, ImportQuery, ImportResultView, TemplateParams, XLSX_TYPE, XlsxFile } from './schemas.js';

/** A CSV of a million rows is about 150 MB; other routes keep the server's own body limit. */
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

// Windows and some clients label CSV uploads as these.
const CSV_TYPES = [CSV_TYPE, 'application/csv', 'application/vnd.ms-excel'];

// The importer reads and checks the file itself; the body schema is declared for the OpenAPI document only. The query
// is checked as on every other route (app.ts's Ajv options), so a missing sector or stage is a 400 naming it.
const queryAjv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false });
const checkedByImporter: FastifySchemaCompiler<object> = ({ schema, httpPart }) => (httpPart === 'body' ? (value) => ({ value }) : queryAjv.compile(schema));

/** Bulk import of sector stage records: the stage templates, and the import of a filled-in CSV or XLSX file. */
export const importRoutes: FastifyPluginAsyncTypebox<{ importer: Importer; profiles: Profiles }> = async (app, { importer, profiles }) => {
  // An empty body is no file of either kind; refused here, it never reaches the XLSX reader, which waits forever on it.
  app.addContentTypeParser([...CSV_TYPES, XLSX_TYPE], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => {
    if (body.length === 0) done(new DomainError('invalid_request', '请求体为空，请上传填好的模板（CSV 或 XLSX） / the request body is empty; send the filled-in template as CSV or XLSX'));
    else done(null, body);
  });

  app.get('/sectors/:sector/stages/:stage/template.csv', {
    config: { access: 'public' },
    schema: {
      summary: 'CSV template of a stage: the header row of its record fields and data elements', tags: ['Import'], params: TemplateParams,
      response: { 200: CsvFile, ...problemResponses },
    },
  }, async (request, reply) => {
    const { profile, stage } = await findImportStage(profiles, request.params.sector, request.params.stage);
    return reply
      .type(`${CSV_TYPE}; charset=utf-8`)
      .header('Content-Disposition', `attachment; filename="${templateName(profile, stage)}.csv"`)
      .send(templateCsv(stage));
  });

  app.get('/sectors/:sector/stages/:stage/template.xlsx', {
    config: { access: 'public' },
    schema: {
      summary: 'XLSX template of a stage, with a notes sheet on each column', tags: ['Import'], params: TemplateParams,
      response: { 200: XlsxFile, ...problemResponses },
    },
  }, async (request, reply) => {
    const { profile, stage } = await findImportStage(profiles, request.params.sector, request.params.stage);
    return reply
      .type(XLSX_TYPE)
      .header('Content-Disposition', `attachment; filename="${templateName(profile, stage)}.xlsx"`)
      .send(await templateXlsx(profile, stage));
  });

  app.post('/records/import', {
    config: { access: 'record' },
    bodyLimit: IMPORT_BODY_LIMIT,
    validatorCompiler: checkedByImporter,
    schema: {
      summary: 'Import a filled-in stage template (all or nothing: every row is stored, or none)',
      tags: ['Import'],
      security: [{ bearer: [] }],
      querystring: ImportQuery,
      body: ImportBody,
      response: { 201: ImportResultView, ...problemResponses, 413: problemResponses[400], 415: problemResponses[400] },
    },
  }, async (request, reply) => {
    const { body } = request;
    if (!(body instanceof Uint8Array)) throw new DomainError('invalid_request', `send the file as the body, with Content-Type ${CSV_TYPE} or ${XLSX_TYPE}`);
    const format = (request.headers['content-type'] ?? '').startsWith(XLSX_TYPE) ? 'xlsx' : 'csv';
    const result = await importer.importRecords({ sector: request.query.sector, stage: request.query.stage, format, data: body, actor: request.actor });
    return reply.status(201).send(result);
  });
};
