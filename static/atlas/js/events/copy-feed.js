// The "copy address" button of the calendar subscription (events pages). Shown only where the
// clipboard can be written; without it (or without script) the address stays in its field to copy.

export function setUpCopyButtons(root = document) {
  for (const button of root.querySelectorAll("button.copy-feed")) {
    const field = root.getElementById(button.dataset.copyTarget);
    const status = button.closest(".feed-address")?.querySelector(".copy-status");
    if (!field || !status || !globalThis.navigator?.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = button.dataset.copied;
      } catch {
        field.select();
        status.textContent = button.dataset.failed;
      }
    });
  }
}

setUpCopyButtons();
