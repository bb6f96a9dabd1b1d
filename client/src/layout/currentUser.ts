import { useOutletContext } from 'react-router';
import type { User } from '../../../shared/auth/schemas.ts';

/** The signed-in user, for pages inside SignedInLayout. */
export function useCurrentUser(): User {
  return useOutletContext<User>();
}
