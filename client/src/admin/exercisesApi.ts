import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Exercise, type ExerciseStart } from '../../../shared/exercises/schemas.ts';
import type { TrustCode } from '../../../shared/reference/trusts.ts';
import { request } from '../api/http.ts';

const EXERCISES_KEY = ['admin', 'exercises'] as const;
const ExerciseList = z.array(Exercise);

export function useExercises() {
  // Running exercises end elsewhere too (another admin): keep the list current.
  return useQuery({ queryKey: EXERCISES_KEY, queryFn: ({ signal }) => request('/exercises', ExerciseList, { signal }), refetchInterval: 15_000 });
}

export function useStartExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ trust, body }: { trust: TrustCode; body: ExerciseStart }) => request(`/trusts/${trust}/exercises`, Exercise, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: EXERCISES_KEY }),
  });
}

export function useStopExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (exercise: Exercise) => request(`/trusts/${exercise.trust}/exercises/${encodeURIComponent(exercise.id)}/stop`, Exercise, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: EXERCISES_KEY }),
  });
}

/** Where an exercise's wall screen is. */
export const exerciseWallPath = (exercise: Pick<Exercise, 'trust' | 'id'>) => `/wall/${exercise.trust}/exercise/${exercise.id}`;
