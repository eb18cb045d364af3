// The site header (templates/base.html). Narrow screens: the navigation, the account links and the
// language switcher fold into #site-menu behind a disclosure button (atlas.css decides the width);
// Escape or a click outside closes it, Escape putting focus back on the button. Wider screens: when
// the main navigation does not fit on one line beside the brand, account links and language switcher,
// the header becomes two rows ("is-crowded": those above, the navigation below) instead of the links
// wrapping into a narrow column. Without this module there is no button and every link shows, wrapping.

export function setUpSiteMenu(header) {
  const button = header?.querySelector(".menu-button[aria-controls]");
  const menu = button && header.ownerDocument.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return null;
  const isOpen = () => button.getAttribute("aria-expanded") === "true";
  const setOpen = (open) => button.setAttribute("aria-expanded", String(open));

  button.addEventListener("click", () => setOpen(!isOpen()));
  header.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  header.ownerDocument.addEventListener("click", (event) => {
    if (isOpen() && !header.contains(event.target)) setOpen(false);
  });
  setOpen(false);
  button.hidden = false;
  header.classList.add("has-menu-button");
  return { button, menu, isOpen, setOpen };
}

// Lays the links out on one line ("is-measuring": no wrapping) and sees whether they overflow there;
// all within one task, so nothing of it is painted.
export function fitHeaderRows(header) {
  const links = header?.querySelector(".main-nav ul");
  if (!links) return;
  header.classList.remove("is-crowded");
  header.classList.add("is-measuring");
  const crowded = links.scrollWidth > links.clientWidth + 1;
  header.classList.remove("is-measuring");
  header.classList.toggle("is-crowded", crowded);
}

const header = document.querySelector(".site-header");
setUpSiteMenu(header);
fitHeaderRows(header);
window.addEventListener("resize", () => fitHeaderRows(header));
document.fonts?.ready.then(() => fitHeaderRows(header));
