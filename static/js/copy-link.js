// Copy-link button for story pages. Without this script the link stays a selectable field; with it,
// the button appears and copies the link. Loaded as a file (no inline script) for a strict CSP.
"use strict";

document.querySelectorAll("[data-copy-link]").forEach((box) => {
  const field = box.querySelector("[data-copy-link-url]");
  const button = box.querySelector("[data-copy-link-button]");
  const status = box.querySelector("[data-copy-link-status]");

  const copyBySelection = () => {
    field.select();
    return document.execCommand("copy");
  };

  button.hidden = false;
  button.addEventListener("click", async () => {
    let copied;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      copied = copyBySelection();
    }
    status.textContent = copied ? box.dataset.copiedMessage : box.dataset.failedMessage;
    if (!copied) {
      field.select();
    }
  });
});
