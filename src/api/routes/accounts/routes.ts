import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SESSION_HOURS, csrfTokenOf, type Accounts } from '../../../accounts/accounts.js';
import type { AuditTrail } from '../../../capture/audit/audit-trail.js';
import { DomainError } from '../../../domain/errors.js';
import { SESSION_COOKIE } from '../../plugins/access.js';
import { problemResponses } from '../../problem.js';
import { IssuedTokenView, LoginBody, PasswordBody, PrincipalView, SessionView, TokenBody, TokenParams, TokenView, UserBody, UserParams, UserView } from './schemas.js';

/** Sign-in for people (session cookie), and the users and machine tokens that administrators manage. */
export const accountRoutes: FastifyPluginAsyncTypebox<{ accounts: Accounts; audit: AuditTrail; secureCookies: boolean }> = async (app, { accounts, audit, secureCookies }) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: secureCookies };
  const security: Array<Record<string, string[]>> = [{ bearer: [] }, { session: [] }];
  const tooMany = { 429: Type.Ref('Problem') };

  app.post('/auth/login', {
    config: { access: 'public' },
    schema: { summary: 'Sign in with username and password: sets the session cookie and returns its CSRF token', tags: ['Accounts'], body: LoginBody, response: { 200: SessionView, ...problemResponses, ...tooMany } },
  }, async (request, reply) => {
    const session = await accounts.login({ ...request.body, address: request.ip });
    void reply.setCookie(SESSION_COOKIE, session.secret, { ...cookieOptions, maxAge: SESSION_HOURS * 3600 });
    return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.post('/auth/logout', {
    config: { access: 'public' },
    schema: { summary: 'Sign out: ends the session', tags: ['Accounts'], response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    if (request.session) await accounts.logout(request.session.secret);
    void reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send(null);
  });

  app.get('/auth/session', {
    config: { access: 'read' },
    schema: { summary: 'The signed-in user and the session’s CSRF token', tags: ['Accounts'], security, response: { 200: SessionView, ...problemResponses } },
  }, async (request) => {
    const { session } = request;
    if (!session) throw new DomainError('unauthorized', '此请求没有登录会话 / this request has no session; machine tokens have none');
    return { user: session.user, csrfToken: csrfTokenOf(session.secret) };
  });

  app.get('/auth/whoami', {
    config: { access: 'read' },
    schema: { summary: 'Who the request acts for: role and scope', tags: ['Accounts'], security, response: { 200: PrincipalView, ...problemResponses } },
  }, async (request) => request.principal);

  app.post('/auth/password', {
    config: { access: 'read' },
    schema: { summary: 'Change one’s own password (ends every session of the user)', tags: ['Accounts'], security, body: PasswordBody, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await accounts.changePassword(request.principal, request.body);
    await audit.record(request.actor, 'user.password', request.principal.id);
    void reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send(null);
  });

  app.post('/users', {
    config: { access: 'manage_accounts' },
    schema: { summary: 'Create a user (an enterprise administrator: users of its own enterprise)', tags: ['Accounts'], security, body: UserBody, response: { 201: UserView, ...problemResponses, 409: Type.Ref('Problem') } },
  }, async (request, reply) => {
    const user = await accounts.createUser(request.principal, request.body);
    await audit.record(request.actor, 'user.create', user.userId, { username: user.username, role: user.role, enterprise: user.enterprise ?? null, region: user.region ?? null, sectors: user.sectors });
    return reply.status(201).send(user);
  });

  app.get('/users', {
    config: { access: 'manage_accounts' },
    schema: { summary: 'Users the caller manages', tags: ['Accounts'], security, response: { 200: Type.Array(UserView), ...problemResponses } },
  }, async (request) => accounts.listUsers(request.principal));

  app.post('/users/:userId/disable', {
    config: { access: 'manage_accounts' },
    schema: { summary: 'Disable a user and end its sessions', tags: ['Accounts'], security, params: UserParams, response: { 200: UserView, ...problemResponses } },
  }, async (request) => {
    const user = await accounts.disableUser(request.principal, request.params.userId);
    await audit.record(request.actor, 'user.disable', user.userId, { username: user.username });
    return user;
  });

  app.post('/tokens', {
    config: { access: 'manage_accounts' },
    schema: { summary: 'Issue a machine token (shown once) scoped to an enterprise or a platform node', tags: ['Accounts'], security, body: TokenBody, response: { 201: IssuedTokenView, ...problemResponses } },
  }, async (request, reply) => {
    const issued = await accounts.issueToken(request.principal, request.body);
    const { info } = issued;
    await audit.record(request.actor, 'token.issue', info.tokenId, { name: info.name, role: info.role, enterprise: info.enterprise ?? null, region: info.region ?? null, sectors: info.sectors, expiresAt: info.expiresAt ?? null });
    return reply.status(201).send(issued);
  });

  app.get('/tokens', {
    config: { access: 'manage_accounts' },
    schema: { summary: 'Machine tokens the caller manages (never their secrets)', tags: ['Accounts'], security, response: { 200: Type.Array(TokenView), ...problemResponses } },
  }, async (request) => accounts.listTokens(request.principal));

  app.delete('/tokens/:tokenId', {
    config: { access: 'manage_accounts' },
    schema: { summary: 'Revoke a machine token (also the bootstrap administrator token)', tags: ['Accounts'], security, params: TokenParams, response: { 200: TokenView, ...problemResponses } },
  }, async (request) => {
    const token = await accounts.revokeToken(request.principal, request.params.tokenId);
    await audit.record(request.actor, 'token.revoke', token.tokenId, { name: token.name });
    return token;
  });
};
