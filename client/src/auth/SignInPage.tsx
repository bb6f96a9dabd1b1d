import { useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../shared/auth/schemas.ts';
import { ApiError, errorMessage } from '../api/http.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '../forms/issues.ts';
import { safeNext } from './next.ts';
import { useMe, useSignIn } from './session.ts';

function cameFromSignOut(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'signedOut' in state && state.signedOut === true;
}

/** The sentence to show for a failed sign-in; wrong details and rate limits carry the server's words. */
function failureText(error: unknown): string | undefined {
  if (error instanceof ApiError && error.id === 'invalid_input') return undefined;
  return errorMessage(error);
}

export function SignInPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const signedOut = cameFromSignOut(location.state);
  const me = useMe();
  const signIn = useSignIn();
  const [values, setValues] = useState({ username: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  if (me.data && !signedOut && signIn.isIdle) return <Navigate to={next} replace />;

  const submit = () => {
    const parsed = LoginRequest.safeParse(values);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  };

  const failure = signIn.isError ? failureText(signIn.error) : undefined;
  return (
    <main className="signin-page">
      <div className="signin-card">
        <p className="product-name">Ambulance operations</p>
        <h1>Sign in</h1>
        {signedOut && signIn.isIdle && (
          <p className="notice notice-info" role="status" data-testid="signed-out-note">
            You have signed out.
          </p>
        )}
        <form
          ref={formRef}
          noValidate
          data-testid="signin-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field id="signin-username" label="Username" error={errors.username} testId="signin-username">
            {(control) => (
              <input
                {...control}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                value={values.username}
                onChange={(event) => setValues({ ...values, username: event.target.value })}
              />
            )}
          </Field>
          <Field id="signin-password" label="Password" error={errors.password} testId="signin-password">
            {(control) => (
              <input
                {...control}
                name="password"
                type="password"
                autoComplete="current-password"
                value={values.password}
                onChange={(event) => setValues({ ...values, password: event.target.value })}
              />
            )}
          </Field>
          {failure && <FormError messages={[failure]} testId="signin-error" />}
          <button type="submit" className="button-primary" data-testid="signin-submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
