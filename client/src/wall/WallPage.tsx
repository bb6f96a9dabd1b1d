import { useEffect, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useParams } from 'react-router';
import { signInPath } from '../auth/next.ts';
import { ME_KEY } from '../auth/keys.ts';
import { DisplayInvalid } from '../display/DisplayInvalid.tsx';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { type Region, REGION_CODES, type RegionCode, type Trust } from '../../../shared/reference/trusts.ts';
import { useAidUpdates } from '../mutualAid/useAidUpdates.ts';
import { useLivePicture } from '../picture/useLivePicture.ts';
import { type ReceivedRegion, useLiveRegions } from '../region/useLiveRegions.ts';
import { RegionBoard, RegionHeaderStatus } from './RegionWall.tsx';
import { NATIONAL_TARGET, regionTarget, targetName, trustTarget, type WallTarget } from './target.ts';
import { useWallAccess } from './useWallAccess.ts';
import { WallFrame } from './WallFrame.tsx';
import { WallHeaderStatus, WallPicture } from './WallPicture.tsx';
import { ExerciseEnded, SessionEnded, WallChecking, WallForbidden } from './WallMessages.tsx';

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

/**
 * A region's wall (one region's trusts side by side) or the national one (every region's trusts
 * as rows), over one connection subscribed to each region; the mutual-aid requests come with the
 * summaries and, as each step happens, as `mutualAid.updated`.
 */
function RegionsLiveWall({ target, codes, token, layout }: { target: WallTarget; codes: readonly RegionCode[]; token: string | undefined; layout: 'cards' | 'rows' }) {
  const live = useLiveRegions(codes, token);
  // A wall may run through a display link, which cannot call the mutual-aid API: it keeps what is pushed.
  const pushed = useAidUpdates(live.socket, { refetchLists: false });
  useForgetRefusedUser(live.rejected && !token);
  if (live.rejected && token) return <DisplayInvalid />;
  const received = codes.map((code) => live.regions[code]).filter((r): r is ReceivedRegion => r !== undefined);
  const error = codes.map((code) => live.errors[code]).find(Boolean);
  const extra = received.length > 0 && !live.ended ? <RegionHeaderStatus received={received} current={live.state === 'live'} /> : undefined;
  return (
    <WallFrame target={target} connection={live.state} ended={live.ended !== undefined} extra={extra}>
      {live.ended ? <SessionEnded reason={live.ended} viaDisplayLink={Boolean(token)} /> : <RegionBoard received={received} pushed={pushed} state={live.state} name={targetName(target)} error={error} layout={layout} />}
    </WallFrame>
  );
}

function RegionLiveWall({ target, region, token }: { target: WallTarget; region: Region; token: string | undefined }) {
  const codes = useMemo(() => [region.code], [region.code]);
  return <RegionsLiveWall target={target} codes={codes} token={token} layout="cards" />;
}

function LiveWall({ target, token, exercise }: { target: WallTarget; token: string | undefined; exercise: string | undefined }) {
  switch (target.kind) {
    case 'trust':
      return <TrustLiveWall target={target} trust={target.trust} token={token} exercise={exercise} />;
    case 'region':
      return <RegionLiveWall target={target} region={target.region} token={token} />;
    case 'national':
      return <RegionsLiveWall target={target} codes={REGION_CODES} token={token} layout="rows" />;
  }
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

/** `/wall/national`: every trust of England, worst first, for national executives and admins. */
export function NationalWallPage() {
  return <WallScreen target={NATIONAL_TARGET} />;
}
