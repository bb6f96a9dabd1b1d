import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AdminUser,
  type CreateUserRequest,
  DisplayLink,
  type DisplayLinkCreate,
  DisplayLinkCreated,
  FeedKey,
  type FeedKeyCreate,
  FeedKeyCreated,
  type UpdateUserRequest,
} from '../../../shared/auth/schemas.ts';
import { request } from '../api/http.ts';

export const ADMIN_KEYS = {
  users: ['admin', 'users'],
  feedKeys: ['admin', 'feed-keys'],
  displayLinks: ['admin', 'display-links'],
} as const satisfies Record<string, QueryKey>;

const UserList = z.array(AdminUser);
const FeedKeyList = z.array(FeedKey);
const DisplayLinkList = z.array(DisplayLink);

/** A change's answer may be stale the moment it lands (another admin, a screen using a link): refetch. */
function useRefreshing<TInput, TOutput>(key: QueryKey, mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export function useAdminUsers() {
  return useQuery({ queryKey: ADMIN_KEYS.users, queryFn: ({ signal }) => request('/admin/users', UserList, { signal }) });
}

export function useCreateUser() {
  return useRefreshing(ADMIN_KEYS.users, (body: CreateUserRequest) => request('/admin/users', AdminUser, { method: 'POST', body }));
}

export function useUpdateUser() {
  return useRefreshing(ADMIN_KEYS.users, ({ id, change }: { id: string; change: UpdateUserRequest }) =>
    request(`/admin/users/${encodeURIComponent(id)}`, AdminUser, { method: 'PATCH', body: change }),
  );
}

export function useFeedKeys() {
  return useQuery({ queryKey: ADMIN_KEYS.feedKeys, queryFn: ({ signal }) => request('/admin/feed-keys', FeedKeyList, { signal }) });
}

export function useCreateFeedKey() {
  return useRefreshing(ADMIN_KEYS.feedKeys, (body: FeedKeyCreate) => request('/admin/feed-keys', FeedKeyCreated, { method: 'POST', body }));
}

export function useRevokeFeedKey() {
  return useRefreshing(ADMIN_KEYS.feedKeys, (id: string) => request(`/admin/feed-keys/${encodeURIComponent(id)}`, FeedKey, { method: 'DELETE' }));
}

export function useDisplayLinks() {
  return useQuery({ queryKey: ADMIN_KEYS.displayLinks, queryFn: ({ signal }) => request('/admin/display-links', DisplayLinkList, { signal }) });
}

export function useCreateDisplayLink() {
  return useRefreshing(ADMIN_KEYS.displayLinks, (body: DisplayLinkCreate) => request('/admin/display-links', DisplayLinkCreated, { method: 'POST', body }));
}

export function useRevokeDisplayLink() {
  return useRefreshing(ADMIN_KEYS.displayLinks, (id: string) => request(`/admin/display-links/${encodeURIComponent(id)}`, DisplayLink, { method: 'DELETE' }));
}
