import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { RegionSummary, TrustSummary } from '../../../shared/reference/schemas.ts';
import { request } from './http.ts';

const TrustList = z.array(TrustSummary);
const RegionList = z.array(RegionSummary);

// Reference data changes with NHS reorganisations, not during a shift.
const REFERENCE_STALE_MS = 60 * 60 * 1000;

export function useTrusts() {
  return useQuery({ queryKey: ['reference', 'trusts'], queryFn: ({ signal }) => request('/trusts', TrustList, { signal }), staleTime: REFERENCE_STALE_MS });
}

export function useRegions() {
  return useQuery({ queryKey: ['reference', 'regions'], queryFn: ({ signal }) => request('/regions', RegionList, { signal }), staleTime: REFERENCE_STALE_MS });
}
