/** The react-query key of "who is signed in"; null data means nobody. */
export const ME_KEY = ['auth', 'me'] as const;
