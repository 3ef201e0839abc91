import { Type } from '@sinclair/typebox';
import { ROLES } from '../../../domain/access/roles.js';

const RoleName = Type.Union(ROLES.map((r) => Type.Literal(r)), { description: 'platform_admin, regulator, enterprise_admin, enterprise_operator or inspection_body' });

const ScopeFields = {
  role: RoleName,
  enterprise: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码 of the enterprise an enterprise role acts for' })),
  region: Type.Optional(Type.String({ minLength: 6, maxLength: 6, description: 'GB/T 2260 code of a regulator’s region: 460000 is Hainan with its cities and counties' })),
  sectors: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 16, description: 'A regulator’s sectors; none: every sector' })),
};

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });

export const UserView = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  enterprise: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  sectors: Type.Array(Type.String()),
  createdAt: Type.String(),
  createdBy: Type.String(),
  passwordChangedAt: Type.String(),
  disabledAt: Type.Optional(Type.String()),
});

export const SessionView = Type.Object({
  user: UserView,
  csrfToken: Type.String({ description: 'Send it as X-CSRF-Token on every write made with the session cookie' }),
  expiresAt: Type.Optional(Type.String()),
});

export const PrincipalView = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  enterprise: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  sectors: Type.Array(Type.String()),
});

export const PasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });

export const UserBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$', description: 'Login name: letters, digits and . _ @ -' }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  ...ScopeFields,
}, { additionalProperties: false });

export const UserParams = Type.Object({ userId: Type.String({ maxLength: 64 }) });

export const TokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: 'What the token is for, e.g. "ERP 出库接口" or "scale 3"' }),
  expiresInDays: Type.Optional(Type.Integer({ description: 'Days until it expires; 365 when absent' })),
  ...ScopeFields,
}, { additionalProperties: false });

export const TokenView = Type.Object({
  tokenId: Type.String(),
  name: Type.String(),
  role: Type.String(),
  enterprise: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  sectors: Type.Array(Type.String()),
  createdAt: Type.String(),
  createdBy: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.String()),
  revokedAt: Type.Optional(Type.String()),
  bootstrap: Type.Boolean(),
});

export const IssuedTokenView = Type.Object({
  token: Type.String({ description: 'The secret, shown this once: send it as Authorization: Bearer <token>' }),
  info: TokenView,
});

export const TokenParams = Type.Object({ tokenId: Type.String({ maxLength: 64 }) });
