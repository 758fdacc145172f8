// Keeps Wagtail's autosave from skipping what is typed while a save is on its way (Wagtail 8.0.1),
// and a submission from racing an autosave.
//
// When an autosave succeeds, Wagtail's change watcher (w-unsaved) takes the form as it is at that
// moment for the saved state. Anything typed while the request travelled then counts as saved though
// it was never sent: it is not autosaved, and leaving the page does not warn. This takes the saved
// state from the data the save actually sent, so the watcher's next check sees the later typing and
// autosaves it too.
(() => {
  const sent = new WeakMap();
  const controller = (form, identifier) => {
    const app = window.wagtail && window.wagtail.app;
    return app && app.getControllerForElementAndIdentifier(form, identifier);
  };

  // Dispatched as the save reads the form, so the watcher's own reading of the form (its fields and
  // exclusions) is what this save sends.
  document.addEventListener('w-autosave:save', (event) => {
    const watcher = controller(event.target, 'w-unsaved');
    if (watcher) sent.set(event.target, watcher.formData);
  });

  // A submission made while an autosave is on its way waits for it: two saves of one story at once
  // can fail (both create its new tags) or leave the older text as the latest revision. It waits a
  // bounded time: an autosave stuck on a bad connection must not stop the reporter from submitting.
  const LONGEST_WAIT_MS = 15000;
  const waiting = new WeakSet();
  const released = new WeakSet();
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      const autosave = controller(form, 'w-autosave');
      if (!autosave || !autosave.submitPromise || released.has(form)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (waiting.has(form)) return;
      waiting.add(form);
      const submitter = event.submitter;
      const longestWait = new Promise((resolve) => setTimeout(resolve, LONGEST_WAIT_MS));
      Promise.race([autosave.submitPromise, longestWait]).finally(() => {
        waiting.delete(form);
        released.add(form);
        form.requestSubmit(submitter);
        released.delete(form);
      });
    },
    true,
  );

  // Runs after the form's own w-autosave:success actions, which have just reset the watcher.
  document.addEventListener('w-autosave:success', (event) => {
    const form = event.target;
    const saved = sent.get(form);
    const watcher = controller(form, 'w-unsaved');
    if (!saved || !watcher) return;
    watcher.initialFormData = saved;
    watcher.previousFormData = saved;
  });
})();
