/** Shown full screen, readable from across the room, when a wall screen's link no longer works. */
export function DisplayInvalid() {
  return (
    <main className="wall-message-page" data-testid="display-invalid" role="alert">
      <p className="wall-message-mark" aria-hidden="true">
        ✖
      </p>
      <p className="wall-message">This display link is not valid. Ask your admin for a new one.</p>
    </main>
  );
}
