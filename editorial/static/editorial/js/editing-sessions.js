/*
 * Wagtail 8.0.1's editing-session check must not take the editor's own autosave for a newer
 * version saved "in another window" (docs/admin.md, "Autosave and the editing-session check").
 *
 * The w-session controller pings the server with the revision its window holds (revision_id,
 * revision_created_at); the server answers with the sessions and any revision newer than that
 * one, whoever saved it: the editor themself counts ("Bạn đã lưu một phiên bản mới ở cửa sổ
 * khác"). An autosave pauses the pings (w-autosave:save -> w-session#pause) but a ping already
 * sent goes on; on a busy server it is answered after the autosave committed, against the
 * revision the window held before, and names the autosave. The controller keeps that conflict
 * for the rest of the page's life: every action button ("Gửi duyệt", "Xuất bản") then opens the
 * confirmation dialog.
 *
 * Here a ping's answer counts only if no autosave began after the ping was sent and the
 * window still holds the revision the ping sent; otherwise the controller never sees it and the
 * list of sessions stays as it was (the next ping, with the window's revision, tells the truth).
 */
(() => {
  "use strict";

  const FORM = "form.w-editing-sessions";
  let autosavesBegun = 0;
  const sent = new WeakMap();

  const revisionOf = (form) =>
    ["revision_id", "revision_created_at"]
      .map((name) => form.querySelector(`input[name="${name}"]`)?.value ?? "")
      .join(" ");

  document.addEventListener("w-autosave:save", () => {
    autosavesBegun += 1;
  });

  // w-swap announces each ping as it sends it (the ping form's data is read in the same task).
  document.addEventListener("w-swap:begin", (event) => {
    const form = event.target instanceof Element ? event.target.closest(FORM) : null;
    if (form) sent.set(form, { autosavesBegun, revision: revisionOf(form) });
  });

  // Capture on the document: before the ping form's own listeners (w-session#updateSessionData).
  document.addEventListener(
    "w-swap:json",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches(FORM)) return;
      const ping = sent.get(form);
      if (!ping) return;
      if (ping.autosavesBegun === autosavesBegun && ping.revision === revisionOf(form)) return;
      event.stopImmediatePropagation();
      const list = form.querySelector("#w-editing-sessions");
      if (list && event.detail && event.detail.data) event.detail.data.html = list.innerHTML;
    },
    { capture: true },
  );
})();
