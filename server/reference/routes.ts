import { z } from 'zod';
import { DisplayScope } from '../../shared/auth/schemas.ts';
import { hospitalsOfTrust } from '../../shared/reference/hospitals.ts';
import { HospitalSummary, RegionSummary, TrustCodeParam, TrustSummary } from '../../shared/reference/schemas.ts';
import { REGIONS, TRUSTS } from '../../shared/reference/trusts.ts';
import { defineRoute, type Route } from '../http/route.ts';

// Reference data is public knowledge, but the API is not a public service: it answers people
// and screens with a credential, like everything else that is not sign-in.
const viewer = { kind: 'viewer' } as const;

export function referenceRoutes(): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/trusts',
      summary: 'The 11 ambulance trusts of England.',
      access: viewer,
      response: z.array(TrustSummary),
      handler: () => TRUSTS.map(({ code, name, shortName, region }) => ({ code, name, shortName, region })),
    }),
    defineRoute({
      method: 'get',
      path: '/regions',
      summary: 'The 7 NHS England regions.',
      access: viewer,
      response: z.array(RegionSummary),
      handler: () => REGIONS.map(({ code, name }) => ({ code, name })),
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/hospitals',
      summary: 'The type-1 emergency departments a trust conveys to, with the codes its feed uses.',
      access: viewer,
      params: TrustCodeParam,
      response: z.array(HospitalSummary),
      handler: ({ params }) => hospitalsOfTrust(params.code).map(({ code, name }) => ({ code, name })),
    }),
    defineRoute({
      method: 'get',
      path: '/display/me',
      summary: 'What the display token in the Authorization header may show.',
      access: { kind: 'display' },
      response: DisplayScope,
      handler({ principal }) {
        if (principal?.kind !== 'display') throw new Error('display rule let through a non-display');
        return { display: principal.display };
      },
    }),
  ];
}
