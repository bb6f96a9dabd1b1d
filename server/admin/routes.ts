import { z } from 'zod';
import { AdminUser, CreateUserRequest, DisplayLink, DisplayLinkCreate, DisplayLinkCreated, FeedKey, FeedKeyCreate, FeedKeyCreated, IdParam, UpdateUserRequest } from '../../shared/auth/schemas.ts';
import { findUser, insertUser, listUsers, updateUser } from '../accounts/users.ts';
import { expectedOrigin } from '../auth/authenticate.ts';
import { actorId } from '../auth/principal.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { createDisplayLink, listDisplayLinks, revokeDisplayLink } from './displayLinks.ts';
import { createFeedKey, listFeedKeys, revokeFeedKey } from './feedKeys.ts';

const admin = { kind: 'admin' } as const;


export function adminRoutes(ctx: AppContext): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/users',
      summary: 'Every account, enabled or not.',
      access: admin,
      response: z.array(AdminUser),
      handler: () => listUsers(ctx.db),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/users',
      summary: 'Create an account with a role and its scope.',
      access: admin,
      body: CreateUserRequest,
      response: AdminUser,
      status: 201,
      async handler({ body, principal }) {
        const at = ctx.now();
        const user = await insertUser(ctx.db, body, { at, createdBy: actorId(principal) });
        if (!user) throw conflict('username_taken', `The username ${body.username} is taken.`);
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'user.create', target: `user:${user.id}`, detail: { username: user.username, role: user.role, trust: user.trust ?? null, region: user.region ?? null } });
        return user;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/admin/users/:id',
      summary: 'Rename an account, set its password, or disable or enable it. Disabling or a new password ends its sessions.',
      access: admin,
      params: IdParam,
      body: UpdateUserRequest,
      response: AdminUser,
      async handler({ params, body, principal }) {
        if (body.disabled === true && actorId(principal) === params.id) throw conflict('cannot_change_own_account', 'You cannot disable your own account; ask another admin.');
        const at = ctx.now();
        const user = await ctx.db.transaction(async (tx) => {
          const updated = await updateUser(tx, params.id, body);
          if (!updated) return undefined;
          const ended = body.disabled === true || body.password !== undefined ? await revokeUserSessions(tx, params.id, at) : [];
          await recordAudit(tx, { at, actorId: actorId(principal), action: 'user.update', target: `user:${params.id}`, detail: { displayName: body.displayName ?? null, passwordChanged: body.password !== undefined, disabled: body.disabled ?? null, sessionsEnded: ended.length } });
          return { updated, ended };
        });
        if (!user) throw notFound('No such account.');
        ctx.live.endSessions(user.ended, body.disabled === true ? 'account_disabled' : 'revoked');
        return user.updated;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/users/:id',
      summary: 'One account.',
      access: admin,
      params: IdParam,
      response: AdminUser,
      async handler({ params }) {
        const user = await findUser(ctx.db, params.id);
        if (!user) throw notFound('No such account.');
        return user;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/feed-keys',
      summary: 'Every feed key, without the keys themselves.',
      access: admin,
      response: z.array(FeedKey),
      handler: () => listFeedKeys(ctx.db),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/feed-keys',
      summary: 'Create a key that lets one dispatch system post events for one trust. The key is in this answer only.',
      access: admin,
      body: FeedKeyCreate,
      response: FeedKeyCreated,
      status: 201,
      async handler({ body, principal }) {
        const at = ctx.now();
        const label = body.label ?? `${body.trust} feed`;
        const { id, key } = await createFeedKey(ctx.db, { trust: body.trust, label }, { at, createdBy: actorId(principal) });
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'feedKey.create', target: `feedKey:${id}`, detail: { trust: body.trust, label } });
        return { id, trust: body.trust, key };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/feed-keys/:id',
      summary: 'Revoke a feed key; the dispatch system holding it is refused from the next request on.',
      access: admin,
      params: IdParam,
      response: FeedKey,
      async handler({ params, principal }) {
        const at = ctx.now();
        const key = await revokeFeedKey(ctx.db, params.id, at);
        if (!key) throw notFound('No such feed key.');
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'feedKey.revoke', target: `feedKey:${params.id}` });
        return key;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/display-links',
      summary: 'Every display link, without the tokens themselves.',
      access: admin,
      response: z.array(DisplayLink),
      handler: () => listDisplayLinks(ctx.db),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/display-links',
      summary: 'Create a read-only link that opens one trust’s or one region’s wall screen with no sign-in. The token is in this answer only.',
      access: admin,
      body: DisplayLinkCreate,
      response: DisplayLinkCreated,
      status: 201,
      async handler({ body, principal, req }) {
        const at = ctx.now();
        const { id, token } = await createDisplayLink(ctx.db, body, { at, createdBy: actorId(principal) });
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'displayLink.create', target: `displayLink:${id}`, detail: { label: body.label, trust: body.trust ?? null, region: body.region ?? null } });
        const origin = expectedOrigin(ctx.config.publicOrigin, { protocol: req.protocol, host: req.headers.host }) ?? '';
        // The token travels in the fragment, which browsers never send to a server or in a Referer.
        return { id, token, url: `${origin}/display#${token}` };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/display-links/:id',
      summary: 'Revoke a display link; screens showing it are disconnected at once.',
      access: admin,
      params: IdParam,
      response: DisplayLink,
      async handler({ params, principal }) {
        const at = ctx.now();
        const link = await revokeDisplayLink(ctx.db, params.id, at);
        if (!link) throw notFound('No such display link.');
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'displayLink.revoke', target: `displayLink:${params.id}` });
        ctx.live.endDisplayLink(params.id);
        return link;
      },
    }),
  ];
}
