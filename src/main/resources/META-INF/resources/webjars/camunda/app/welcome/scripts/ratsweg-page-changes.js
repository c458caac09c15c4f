// Ratsweg: runs a function after the page changes, at most once per frame. AngularJS and
// form-js redraw parts of the page at any time; the scripts that add names and roles to what
// they draw (ratsweg-accessibility.js, ratsweg-form-accessibility.js) apply them again this
// way. A module imported by those scripts, not a custom script of its own.

/**
 * Calls apply once now and again after every change that the observer options describe
 * (and after every event named in events), at most once per frame.
 * @returns the function that asks for another call
 */
export function afterEveryChange(apply, target, options, events = []) {
  let scheduled = false;
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        apply();
      });
    }
  };
  new MutationObserver(schedule).observe(target, options);
  events.forEach(([eventTarget, type]) => eventTarget.addEventListener(type, schedule, true));
  schedule();
  return schedule;
}
