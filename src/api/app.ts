import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createCapture } from '../capture/capture-events.js';
import { createCodeIssuer } from '../capture/issue-codes.js';
import { createCapturePool } from '../capture/capture-pool.js';
import { sameDbOptions, type Db } from '../store/db.js';
import { createImporter } from '../capture/import/import-records.js';
import { createSectorRecording } from '../capture/records/sector-recording.js';
import { createCodeStore } from '../store/code-store.js';
import { createEventStore } from '../store/event-store.js';
import { createAccountsOn } from '../accounts/accounts.js';
import { scopeLookups } from '../accounts/scope-check.js';
import { createTraceStore } from '../store/trace-store.js';
import { createInspectionStore } from '../store/inspection-store.js';
import { createInspections } from '../capture/inspections/inspections.js';
import { sightOf } from '../domain/access/sight.js';
import { createTrace } from '../trace/trace.js';
import { accessControl } from './plugins/access.js';
import { jsonBody } from './plugins/json-body.js';
import { frameworkProblem, problemHandler } from './plugins/problem-handler.js';
import { ProblemSchema } from './problem.js';
import { accountRoutes } from './routes/accounts/routes.js';
import { alertRoutes } from './routes/alerts/routes.js';
import { catalogueRoutes } from './routes/catalogue/routes.js';
import { codeRoutes } from './routes/codes/routes.js';
import { importRoutes } from './routes/import/routes.js';
import { inspectionRoutes } from './routes/inspections/routes.js';
import { epcisRoutes } from './routes/epcis/routes.js';
import { partyRoutes } from './routes/parties/routes.js';
import { productRoutes } from './routes/products/routes.js';
import { recordRoutes } from './routes/records/routes.js';
import { sectorRoutes } from './routes/sectors/routes.js';
import { traceRoutes } from './routes/trace/routes.js';
import { publicQueryRoutes } from './routes/public-query/routes.js';
import { reportRoutes } from './routes/reports/routes.js';
import { publicListRoutes } from './routes/public-lists/routes.js';
import { webApp } from './plugins/web-app.js';
import { shipmentRoutes } from './routes/shipments/routes.js';
import { createSiteStore } from '../store/site-store.js';
import { createShipmentStore } from '../store/shipment-store.js';
import rateLimit from '@fastify/rate-limit';
import { createRateWindowStore } from '../store/rate-window-store.js';
import { databaseRateLimitStore } from './plugins/rate-limit-store.js';
import { DomainError } from '../domain/errors.js';
import { publicServiceOf } from './public-service.js';

export interface AppDeps {
  db: Db;
  nodeCode: string;
  publicBaseUrl: string;
  bodyLimit: number;
  /** Worker threads that capture large documents beside the main thread; 0 captures everything on it. */
  captureWorkers?: number;
  now?: () => Date;
  randomBytes?: (n: number) => Uint8Array;
  logger?: FastifyServerOptions['logger'];
  /** Mark the session cookie Secure (served over HTTPS); true when the public base URL is https. */
  secureCookies?: boolean;
  /** How often to look for overdue units (elevator maintenance) and raise alerts; never when absent. */
  sweepEveryMs?: number;
  /** The built web app (dist/web); the API alone when absent. */
  webRoot?: string;
  /** Reports (投诉举报) one address may make in an hour. */
  reportsPerHour?: number;
  /** How long the public query keeps a story, the recalls and the blacklist before reading them again; 0 never keeps them. */
  publicCacheMs?: number;
}

// Path parameters carry whole identifiers (URL-encoded EPC URIs, Digital Links, eventIDs), often over Fastify's default 100.
const MAX_PARAM_LENGTH = 2048;

/** The whole HTTP surface of the platform; never listens by itself, so tests can `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const events = createEventStore(deps.db);
  const codes = createCodeStore(deps.db);
  const local = createCapture({ events, now });
  const pool = deps.captureWorkers ? createCapturePool({ workers: deps.captureWorkers, db: sameDbOptions(deps.db), local }) : undefined;
  if (pool) app.addHook('onClose', () => pool.close());
  const capture = pool ?? local;
  const issuer = createCodeIssuer({ codes, nodeCode: deps.nodeCode, randomBytes: deps.randomBytes ?? cryptoRandomBytes, now });
  const trace = createTrace({ storeFor: (sight) => createTraceStore(deps.db, sight) });
  const recording = createSectorRecording({ db: deps.db, capture, now });
  const { audit, profiles, parties, products, catalogue, quotas, alerts, records, registry, recorder } = recording;
  const importer = createImporter({ db: deps.db, ...recording, now, workers: deps.captureWorkers ?? 0 });
  const inspectionStore = createInspectionStore(deps.db);
  const inspections = createInspections({
    store: inspectionStore, profiles, parties, recorder, audit, now,
    seesUnit: (unitId, principal) => createTraceStore(deps.db, sightOf(principal)).isKnown(unitId),
  });
  await registry.ensureNationalCatalogue();
  if (deps.sweepEveryMs) {
    const timer = setInterval(() => {
      recorder.sweepOverdue(now()).catch((err: unknown) => app.log.error({ err }, 'overdue sweep failed'));
    }, deps.sweepEveryMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  const publicService = publicServiceOf({ db: deps.db, profiles, parties, products, alerts, now, cacheMs: deps.publicCacheMs ?? 5_000 });
  app.addHook('onClose', () => publicService.close());

  await app.register(problemHandler);
  await app.register(jsonBody);
  const accounts = createAccountsOn(deps.db, { now, lookups: scopeLookups(parties, profiles) });
  await app.register(cookie);
  await app.register(accessControl, { accounts, publicPrefixes: ['/docs', '/assets/'] });
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(createRateWindowStore(deps.db, { now })),
    errorResponseBuilder: (_request, context) => new DomainError('too_many_requests', `提交过于频繁，请于${context.after}后再试 / too many from this address; try again in ${context.after}`),
  });
  await app.register(webApp, { root: deps.webRoot });
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Zhuisu 追溯 API', version: '0.1.0', description: 'Important-product traceability platform: EPCIS 2.0 capture and query, trace codes, traces.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A machine token (zs_…), issued through POST /api/v1/tokens' },
          session: { type: 'apiKey', in: 'cookie', name: 'zhuisu_session', description: 'The web session of POST /api/v1/auth/login; writes also send X-CSRF-Token' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/openapi.json', {
    config: { access: 'public' },
    schema: { summary: 'This OpenAPI document', tags: ['Platform'], hide: true },
  }, async () => app.swagger());
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { summary: 'Liveness', tags: ['Platform'], response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } },
  }, async () => ({ status: 'ok' }));

  await app.register(accountRoutes, { prefix: '/api/v1', accounts, audit, secureCookies: deps.secureCookies ?? deps.publicBaseUrl.startsWith('https:') });
  await app.register(epcisRoutes, { prefix: '/epcis/v2', capture, events, now });
  await app.register(codeRoutes, { prefix: '/api/v1/codes', issuer, codes, publicBaseUrl: deps.publicBaseUrl });
  await app.register(traceRoutes, { prefix: '/api/v1/trace', trace });
  await app.register(sectorRoutes, { prefix: '/api/v1/sectors', profiles });
  await app.register(partyRoutes, { prefix: '/api/v1/parties', registry, parties, quotas, sites: createSiteStore(deps.db), now });
  await app.register(shipmentRoutes, { prefix: '/api/v1/shipments', shipments: createShipmentStore(deps.db), parties, profiles });
  await app.register(productRoutes, { prefix: '/api/v1/products', registry, products });
  await app.register(catalogueRoutes, { prefix: '/api/v1/catalogue', registry, catalogue });
  await app.register(importRoutes, { prefix: '/api/v1', importer, profiles });
  await app.register(recordRoutes, { prefix: '/api/v1/records', recorder, records });
  await app.register(alertRoutes, { prefix: '/api/v1/alerts', recorder, alerts, now });
  await app.register(inspectionRoutes, { prefix: '/api/v1/inspections', inspections, store: inspectionStore });
  await app.register(publicQueryRoutes, { publicQuery: publicService.query, publicBaseUrl: deps.publicBaseUrl });
  await app.register(reportRoutes, { prefix: '/api/v1/reports', reports: publicService.reports, store: publicService.reportStore, perHour: deps.reportsPerHour ?? 20 });
  await app.register(publicListRoutes, { prefix: '/api/v1/public', lists: publicService.lists });
  await app.ready();
  return app;
}
