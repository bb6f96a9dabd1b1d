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
import { SessionEnded, WallChecking, WallForbidden, WallWaiting } from './WallMessages.tsx';

/** The session is gone: forget it, and the access check sends the person to sign in. */
function useForgetRefusedUser(refusedUser: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (refusedUser) queryClient.setQueryData(ME_KEY, null);
  }, [refusedUser, queryClient]);
}

/** A trust's wall: its live picture. */
function TrustLiveWall({ target, trust, token }: { target: WallTarget; trust: Trust; token: string | undefined }) {
  const live = useLivePicture(trust.code, token);
  useForgetRefusedUser(live.rejected && !token);
  if (live.rejected && token) return <DisplayInvalid />;
  const extra = live.picture && !live.ended ? <WallHeaderStatus picture={live.picture} current={live.state === 'live'} /> : undefined;
  return (
    <WallFrame target={target} connection={live.state} ended={live.ended !== undefined} extra={extra}>
      {live.ended ? <SessionEnded reason={live.ended} viaDisplayLink={Boolean(token)} /> : <WallPicture live={live} name={trust.name} token={token} />}
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

function LiveWall({ target, token }: { target: WallTarget; token: string | undefined }) {
  return target.kind === 'trust' ? <TrustLiveWall target={target} trust={target.trust} token={token} /> : <RegionLiveWall target={target} token={token} />;
}

function WallScreen({ target }: { target: WallTarget }) {
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
      return <LiveWall key="display" target={target} token={access.token} />;
    case 'user':
      return <LiveWall key={`user:${access.user.id}`} target={target} token={undefined} />;
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

/** `/wall/region/:code` */
export function RegionWallPage() {
  const { code } = useParams();
  const target = regionTarget(code);
  return target ? <WallScreen key={code} target={target} /> : <NotFoundPage />;
}
