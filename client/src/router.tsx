import { createBrowserRouter } from 'react-router';
import { AdminPage } from './admin/AdminPage.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { DisplayPage } from './display/DisplayPage.tsx';
import { LandingPage } from './home/LandingPage.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { RouteError } from './layout/RouteError.tsx';
import { SignedInLayout } from './layout/SignedInLayout.tsx';
import { ThresholdsPage } from './thresholds/ThresholdsPage.tsx';
import { TrustPage } from './trust/TrustPage.tsx';
import { RegionPage } from './region/RegionPage.tsx';
import { ExerciseWallPage, NationalWallPage, RegionWallPage, TrustWallPage } from './wall/WallPage.tsx';

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/signin', element: <SignInPage /> },
        { path: '/display', element: <DisplayPage /> },
        // The wall is full screen with no top bar, and works for a display link with nobody signed in.
        { path: '/wall/region/:code', element: <RegionWallPage /> },
        { path: '/wall/national', element: <NationalWallPage /> },
        { path: '/wall/:trust', element: <TrustWallPage /> },
        { path: '/wall/:trust/exercise/:id', element: <ExerciseWallPage /> },
        {
          element: <SignedInLayout />,
          children: [
            { path: '/', element: <LandingPage /> },
            { path: '/admin', element: <AdminPage /> },
            { path: '/trust/:code', element: <TrustPage /> },
            { path: '/trust/:code/thresholds', element: <ThresholdsPage /> },
            { path: '/region/:code', element: <RegionPage /> },
            // The incident screens load when first opened: the wall screens never need them.
            { path: '/incidents', lazy: async () => ({ Component: (await import('./incidents/IncidentsPage.tsx')).IncidentsPage }) },
            { path: '/incidents/:id', lazy: async () => ({ Component: (await import('./incidents/IncidentPage.tsx')).IncidentPage }) },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
