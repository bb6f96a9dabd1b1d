import type { Response } from 'express';
import { LoginRequest, UserResponse } from '../../shared/auth/schemas.ts';
import { findUserForSignIn, recordSignIn } from '../accounts/users.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { loginLimits } from './loginLimits.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, revokeSession } from './sessions.ts';

function setSessionCookie(res: Response, secure: boolean, token: string | null): void {
  const options = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
  if (token) res.cookie(SESSION_COOKIE, token, options);
  else res.clearCookie(SESSION_COOKIE, options);
}

export function authRoutes(ctx: AppContext): Route[] {
  const cookieIsSecure = (protocol: string) => protocol === 'https' || (ctx.config.publicOrigin?.startsWith('https:') ?? false);
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with a username and password; sets the session cookie.',
      access: { kind: 'public' },
      body: LoginRequest,
      response: UserResponse,
      before: loginLimits(),
      async handler({ body, req, res }) {
        const account = await findUserForSignIn(ctx.db, body.username);
        const usable = account && !account.disabled ? account : undefined;
        // An unknown or disabled account still costs one password check, so timing tells nothing.
        const ok = await verifyPassword(body.password, usable?.passwordHash ?? (await decoyHash()));
        if (!usable || !ok) throw new HttpError(401, 'invalid_credentials', 'The username or password is wrong.');
        const at = ctx.now();
        const session = await createSession(ctx.db, usable.user.id, { at, address: req.ip, userAgent: req.headers['user-agent'] });
        await recordSignIn(ctx.db, usable.user.id, at);
        await recordAudit(ctx.db, { at, actorId: usable.user.id, action: 'auth.login', target: `session:${session.id}`, detail: { address: req.ip ?? null } });
        setSessionCookie(res, cookieIsSecure(req.protocol), session.token);
        return { user: usable.user };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'Sign out: revokes this session and closes its live connections.',
      access: { kind: 'signedIn' },
      status: 204,
      async handler({ principal, req, res }) {
        if (principal?.kind !== 'user') return;
        const at = ctx.now();
        await revokeSession(ctx.db, principal.sessionId, at);
        await recordAudit(ctx.db, { at, actorId: principal.user.id, action: 'auth.logout', target: `session:${principal.sessionId}` });
        ctx.live.endSessions([principal.sessionId], 'signed_out');
        setSessionCookie(res, cookieIsSecure(req.protocol), null);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      summary: 'The signed-in user.',
      access: { kind: 'signedIn' },
      response: UserResponse,
      handler({ principal }) {
        if (principal?.kind !== 'user') throw new Error('signedIn rule let through a non-user');
        return { user: principal.user };
      },
    }),
  ];
}
