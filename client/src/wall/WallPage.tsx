import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useParams } from 'react-router';
import { signInPath } from '../auth/next.ts';
import { ME_KEY } from '../auth/keys.ts';
import { DisplayInvalid } from '../display/DisplayInvalid.tsx';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import type { Trust } from '../../../shared/reference/trusts.ts';
import { useLivePicture } from '../picture/useLivePicture.ts';
import { regionTarget, targetName, trustTarget, type WallTarget } from './target.ts';
import { useLiveConnection } from './useLiveConnection.ts';
import { useWallAccess } from './useWallAccess.ts';
import { WallFrame } from './WallFrame.tsx';
import { WallHeaderStatus, WallPicture } from './WallPicture.tsx';
import { ExerciseEnded, SessionEnded, WallChecking, WallForbidden, WallWaiting } from './WallMessages.tsx';

/** The session is gone: forget it, and the access check sends the person to sign in. */
function useForgetRefusedUser(refusedUser: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (refusedUser) queryClient.setQueryData(ME_KEY, null);
  }, [refusedUser, queryClient]);
}

/** A trust's wall: its live picture, or the picture of one of its exercises. */
function TrustLiveWall({ target, trust, token, exercise }: { target: WallTarget; trust: Trust; token: string | undefined; exercise: string | undefined }) {
  const live = useLivePicture(trust.code, token, exercise);
  useForgetRefusedUser(live.rejected && !token);
  if (live.rejected && token) return <DisplayInvalid />;
  const extra = live.picture && !live.ended && !live.exerciseEnded ? <WallHeaderStatus picture={live.picture} current={live.state === 'live'} /> : undefined;
  const tag = live.picture?.exercise;
  return (
    <WallFrame target={target} connection={live.state} ended={live.ended !== undefined || live.exerciseEnded} extra={extra} exercise={exercise ? { title: tag?.title, speed: tag?.speed } : undefined}>
      {live.ended ? (
        <SessionEnded reason={live.ended} viaDisplayLink={Boolean(token)} />
      ) : live.exerciseEnded ? (
        <ExerciseEnded />
      ) : (
        <WallPicture live={live} name={exercise ? `this exercise of ${trust.name}` : trust.name} token={token} />
      )}
    </WallFrame>
  );
}

/** A region's wall: its connection for now; the region view comes with the region picture. */
function RegionLiveWall({ target, token }: { target: WallTarget; token: string | undefined }) {
  const live = useLiveConnection(token);
  useForgetRefusedUser(live.rejected && !token);
  if (live.rejected && token) return <DisplayInvalid />;
  return (
    <WallFrame target={target} connection={live.state} ended={live.ended !== undefined}>
      {live.ended ? <SessionEnded reason={live.ended} viaDisplayLink={Boolean(token)} /> : <WallWaiting name={targetName(target)} />}
    </WallFrame>
  );
}

function LiveWall({ target, token, exercise }: { target: WallTarget; token: string | undefined; exercise: string | undefined }) {
  return target.kind === 'trust' ? <TrustLiveWall target={target} trust={target.trust} token={token} exercise={exercise} /> : <RegionLiveWall target={target} token={token} />;
}

function WallScreen({ target, exercise }: { target: WallTarget; exercise?: string }) {
  const access = useWallAccess(target);
  const location = useLocation();
  switch (access.kind) {
    case 'checking':
      return (
        <WallFrame target={target} connection="connecting">
          <WallChecking unreachable={access.unreachable} />
        </WallFrame>
      );
    case 'display':
      return <LiveWall key="display" target={target} token={access.token} exercise={exercise} />;
    case 'user':
      return <LiveWall key={`user:${access.user.id}`} target={target} token={undefined} exercise={exercise} />;
    case 'invalid':
      return <DisplayInvalid />;
    case 'elsewhere':
      return <Navigate to={access.to} replace />;
    case 'signin':
      return <Navigate to={signInPath(location)} replace />;
    case 'forbidden':
      return (
        <main className="standalone-page">
          <WallForbidden name={targetName(target)} />
        </main>
      );
  }
}

/** `/wall/:trust` */
export function TrustWallPage() {
  const { trust } = useParams();
  const target = trustTarget(trust);
  return target ? <WallScreen key={trust} target={target} /> : <NotFoundPage />;
}

/** `/wall/:trust/exercise/:id`: an exercise of the trust, marked as such all round. */
export function ExerciseWallPage() {
  const { trust, id } = useParams();
  const target = trustTarget(trust);
  return target && id ? <WallScreen key={`${trust}:${id}`} target={target} exercise={id} /> : <NotFoundPage />;
}

/** `/wall/region/:code` */
export function RegionWallPage() {
  const { code } = useParams();
  const target = regionTarget(code);
  return target ? <WallScreen key={code} target={target} /> : <NotFoundPage />;
}
