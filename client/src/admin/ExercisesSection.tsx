import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Exercise, ExerciseStart } from '../../../shared/exercises/schemas.ts';
import { findTrust, type TrustCode } from '../../../shared/reference/trusts.ts';
import { SCENARIOS, findScenario } from '../../../shared/simulator/scenarios.ts';
import { errorMessage } from '../api/http.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { formatUkDateTime } from '../time/ukTime.ts';
import { exerciseWallPath, useExercises, useStartExercise, useStopExercise } from './exercisesApi.ts';
import { TrustOptions } from './options.tsx';
import { Loaded, Outcome, StatusBadge } from './parts.tsx';

const EMPTY = { trust: '', scenario: 'winter-crisis', speed: '1' };

function StartExerciseForm() {
  const start = useStartExercise();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [started, setStarted] = useState<Exercise>();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  const submit = () => {
    const parsed = ExerciseStart.safeParse({ scenario: draft.scenario, speed: Number(draft.speed) });
    const problems: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!draft.trust) problems.trust = 'is required';
    if (!parsed.success || !draft.trust) {
      setErrors(problems);
      return;
    }
    setErrors({});
    start.mutate(
      { trust: draft.trust as TrustCode, body: parsed.data },
      {
        onSuccess: (exercise) => setStarted(exercise),
        onError: (error) => {
          const fields = apiFieldErrors(error);
          setErrors(Object.keys(fields).length > 0 ? fields : { '': errorMessage(error) });
        },
      },
    );
  };

  const chosen = findScenario(draft.scenario);
  return (
    <form
      ref={formRef}
      className="admin-form"
      noValidate
      data-testid="exercise-form"
      aria-labelledby="exercise-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="exercise-form-heading">Start an exercise</h3>
      <FormError messages={unplacedErrors(errors, ['trust', 'scenario', 'speed'])} testId="exercise-form-error" />
      <div className="form-grid">
        <Field id="exercise-trust" label="Trust" error={errors.trust} testId="exercise-trust">
          {(control) => (
            <select {...control} value={draft.trust} onChange={(e) => setDraft({ ...draft, trust: e.target.value })}>
              <option value="">Choose a trust</option>
              <TrustOptions />
            </select>
          )}
        </Field>
        <Field id="exercise-scenario" label="Scenario" error={errors.scenario} testId="exercise-scenario">
          {(control) => (
            <select {...control} value={draft.scenario} onChange={(e) => setDraft({ ...draft, scenario: e.target.value })}>
              {SCENARIOS.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="exercise-speed" label="Speed (times real time)" error={errors.speed} hint="1 runs the scenario’s day over a real day; 12 runs it in two hours." testId="exercise-speed">
          {(control) => <input {...control} type="number" min={1} max={60} step={1} value={draft.speed} onChange={(e) => setDraft({ ...draft, speed: e.target.value })} />}
        </Field>
      </div>
      {chosen && (
        <p className="field-hint" data-testid="exercise-scenario-description">
          <strong>{chosen.title}:</strong> {chosen.description}
        </p>
      )}
      <button type="submit" className="button-primary" data-testid="exercise-submit" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : 'Start exercise'}
      </button>
      <Outcome outcome={started ? { ok: true, text: `Exercise started for ${findTrust(started.trust)?.shortName ?? started.trust}. Its screens say EXERCISE; the trust’s real screens are not touched.` } : undefined} />
    </form>
  );
}

function StopButton({ exercise }: { exercise: Exercise }) {
  const stop = useStopExercise();
  const [error, setError] = useState<string>();
  const onClick = () => {
    if (!window.confirm(`Stop the exercise “${exercise.title}” for ${exercise.trust}? Its screens will say it has ended.`)) return;
    setError(undefined);
    stop.mutate(exercise, { onError: (e) => setError(errorMessage(e)) });
  };
  return (
    <>
      <button type="button" className="button-danger" disabled={stop.isPending} onClick={onClick} data-testid={`exercise-stop-${exercise.id}`}>
        Stop
      </button>
      <Outcome outcome={error ? { ok: false, text: `Not stopped: ${error}` } : undefined} />
    </>
  );
}

export function ExercisesSection() {
  const exercises = useExercises();
  return (
    <section className="admin-section" data-testid="admin-exercises" aria-labelledby="admin-exercises-heading">
      <h2 id="admin-exercises-heading">Exercises</h2>
      <p className="section-intro">
        A training exercise runs a scenario for one trust on the simulator, apart from the trust’s real data: its own screens, marked EXERCISE on every one, and nothing of it in the real picture,
        history or logs. One at a time per trust.
      </p>
      <Loaded query={exercises} what="exercises">
        {(list) =>
          list.length === 0 ? (
            <p>No exercises yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Trust</th>
                    <th scope="col">Scenario</th>
                    <th scope="col">Speed</th>
                    <th scope="col">Started</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((exercise) => (
                    <tr key={exercise.id} data-testid={`exercise-row-${exercise.id}`} className={exercise.endedAt ? 'row-revoked' : undefined}>
                      <td>{findTrust(exercise.trust)?.shortName ?? exercise.trust}</td>
                      <td>{exercise.title}</td>
                      <td>{exercise.speed}×</td>
                      <td>
                        {formatUkDateTime(exercise.startedAt)}
                        {exercise.startedBy && <span className="muted"> by {exercise.startedBy}</span>}
                      </td>
                      <td>
                        {exercise.endedAt ? (
                          <StatusBadge tone="off">
                            Ended {formatUkDateTime(exercise.endedAt)}
                            {exercise.endedBy ? ` by ${exercise.endedBy}` : ''}
                          </StatusBadge>
                        ) : (
                          <StatusBadge tone="ok">Running</StatusBadge>
                        )}
                      </td>
                      <td className="actions">
                        {!exercise.endedAt && (
                          <>
                            <Link to={exerciseWallPath(exercise)} data-testid={`exercise-wall-${exercise.id}`}>
                              Open its wall screen
                            </Link>{' '}
                            <StopButton exercise={exercise} />
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <StartExerciseForm />
    </section>
  );
}
