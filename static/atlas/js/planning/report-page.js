// The report page's "Drucken" button (no inline script under the Content-Security-Policy).
const button = document.getElementById("print-report");
if (button) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
