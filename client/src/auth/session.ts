import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { type LoginRequest, type User, UserResponse } from '../../../shared/auth/schemas.ts';
import { isApiError, request, requestNoContent } from '../api/http.ts';
import { backoff, isTransient } from '../api/queryClient.ts';
import { ME_KEY } from './keys.ts';

/** Who is signed in: a user, or null when the session cookie is missing, expired or revoked. */
async function fetchMe(signal: AbortSignal): Promise<User | null> {
  try {
    return (await request('/auth/me', UserResponse, { signal })).user;
  } catch (error) {
    if (isApiError(error, 'not_signed_in')) return null;
    throw error;
  }
}

/** `persistent`: keep asking while the server cannot be reached, for screens nobody attends. */
export function useMe(options: { enabled?: boolean; persistent?: boolean } = {}) {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: options.enabled ?? true,
    ...(options.persistent ? { retry: (_failures: number, error: Error) => isTransient(error), retryDelay: backoff } : {}),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => request('/auth/login', UserResponse, { method: 'POST', body }),
    onSuccess: ({ user }) => {
      // Another person may have used this browser before: nothing of theirs may linger.
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, user);
    },
  });
}

/** Where the sign-in page says "You have signed out." */
export interface SignInState {
  signedOut?: boolean;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => requestNoContent('/auth/logout', { method: 'POST' }),
    onSuccess: async () => {
      const state: SignInState = { signedOut: true };
      await navigate('/signin', { replace: true, state });
      // Cleared after leaving the page, so that no signed-in page sees an empty cache and
      // redirects with a `next` pointing back at itself.
      queryClient.clear();
    },
  });
}
