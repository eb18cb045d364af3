// The summary of a form's mistakes (templates/shared/_form_errors.html): focused when the page loads,
// so a screen reader reads it first (where the browser did not honour its autofocus), and each link
// puts focus into its field with the field's label in view.

export function setUpErrorSummary(summary) {
  if (!summary) return;
  if (summary.ownerDocument.activeElement !== summary) summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && summary.ownerDocument.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    const group = field.closest("fieldset");
    const label = group?.querySelector("legend") ?? field.labels?.[0] ?? field;
    label.scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
}

setUpErrorSummary(document.querySelector("[data-error-summary]"));
