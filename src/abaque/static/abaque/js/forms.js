// A <select data-submit> sends its form when changed (no inline handlers:
// the Content-Security-Policy allows scripts from files only).
// data-submit="action" also takes the chosen option's value as the form's URL.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-submit]");
  if (!select || !select.form) return;
  if (select.dataset.submit === "action") select.form.action = select.value;
  select.form.submit();
});
