import type { AidRequest, CloseRequest, Offer } from '../../shared/mutualAid/schemas.ts';

/**
 * The lifecycle of a mutual-aid request, pure: a state and a step in, the next state or the
 * reason the step is not allowed out (the API answers that reason as a 409). Who may take a step
 * is the policy's business, not this module's.
 */
export type AidState = Pick<AidRequest, 'status' | 'offers'>;

export type AidStep =
  | { type: 'offer'; offer: Offer }
  | { type: 'accept'; offerId: string; at: string; by: Offer['offeredBy']; reason?: string | undefined }
  | { type: 'decline'; offerId: string; at: string; by: Offer['offeredBy']; reason?: string | undefined }
  | { type: 'close'; outcome: CloseRequest['outcome'] };

export type StepRefusal = { error: 'request_closed' | 'offer_decided' | 'nothing_accepted' | 'no_such_offer'; message: string };

export type StepResult = { ok: true; state: AidState } | ({ ok: false } & StepRefusal);

const refuse = (error: StepRefusal['error'], message: string): StepResult => ({ ok: false, error, message });

export function step(state: AidState, action: AidStep): StepResult {
  if (state.status !== 'open') return refuse('request_closed', `The request is ${state.status}: nothing more can be offered, accepted, declined or closed.`);
  switch (action.type) {
    case 'offer':
      return { ok: true, state: { ...state, offers: [...state.offers, { ...action.offer, status: 'pending' }] } };
    case 'accept':
    case 'decline': {
      const offer = state.offers.find((o) => o.id === action.offerId);
      if (!offer) return refuse('no_such_offer', `The request has no offer ${action.offerId}.`);
      if (offer.status !== 'pending') return refuse('offer_decided', `The offer was already ${offer.status}.`);
      const decided: Offer = {
        ...offer,
        status: action.type === 'accept' ? 'accepted' : 'declined',
        decidedAt: action.at,
        decidedBy: action.by,
        ...(action.reason ? { decisionReason: action.reason } : {}),
      };
      return { ok: true, state: { ...state, offers: state.offers.map((o) => (o.id === offer.id ? decided : o)) } };
    }
    case 'close': {
      if (action.outcome === 'fulfilled' && !state.offers.some((o) => o.status === 'accepted')) {
        return refuse('nothing_accepted', 'A request is fulfilled by an accepted offer: accept one first, or close it as withdrawn.');
      }
      // Offers nobody decided on lapse with the request.
      return { ok: true, state: { status: action.outcome, offers: state.offers.map((o) => (o.status === 'pending' ? { ...o, status: 'lapsed' } : o)) } };
    }
  }
}
