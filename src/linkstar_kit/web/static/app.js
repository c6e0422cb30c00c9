// Progressive enhancement of the questionnaire's pages (they work without it): save the
// section as the client answers, show the questions that now apply (the server decides, from
// the questionnaire's one model), and show problems beside the questions already touched.
(function () {
  "use strict";
  var form = document.getElementById("section");
  if (!form || !window.fetch || !window.FormData) { return; }
  var touched = {};
  var timer = null;
  var busy = false;
  var again = false;
  var saved = document.getElementById("saved");
  var conflict = document.getElementById("conflict");

  function setErrors(list, messages) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    (messages || []).forEach(function (m) {
      var li = document.createElement("li");
      li.textContent = m;  // text, never HTML
      list.appendChild(li);
    });
  }

  function apply(result) {
    form.elements.rev.value = result.rev;
    Object.keys(result.applies || {}).forEach(function (name) {
      var box = form.querySelector('[data-field="' + CSS.escape(name) + '"]');
      if (box) { box.hidden = !result.applies[name]; }
    });
    Object.keys(result.groups || {}).forEach(function (key) {
      var box = form.querySelector('[data-group="' + CSS.escape(key) + '"]');
      if (box) { box.hidden = !result.groups[key]; }
    });
    Object.keys(result.errors || {}).forEach(function (name) {
      var list = form.querySelector('[data-errors-for="' + CSS.escape(name) + '"]');
      if (!list) { return; }
      var shown = touched[name] ? result.errors[name] : [];
      setErrors(list, shown);
      var input = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (input && input.type !== "checkbox") {
        if (shown.length) { input.setAttribute("aria-invalid", "true"); }
        else { input.removeAttribute("aria-invalid"); }
      }
    });
    if (saved) { saved.textContent = saved.getAttribute("data-saved") || "✓"; }
  }

  function save() {
    if (busy) { again = true; return; }
    busy = true;
    var body = new FormData(form);
    // not form.action: a button named "action" (the goals' add and remove) shadows it
    fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Autosave": "1", "Accept": "application/json" }
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; });
    }).then(function (res) {
      if (res.status === 409) {
        if (conflict) { conflict.hidden = false; }
        again = false;  // nothing more is saved over the newer answers; reload to see them
        form.setAttribute("data-conflict", "1");
      } else if (res.status === 200) {
        apply(res.body);
      }
    }).catch(function () { /* offline: the Save button still submits the form */ })
      .then(function () {
        busy = false;
        if (again && !form.getAttribute("data-conflict")) { again = false; save(); return; }
        release();
      });
  }

  function changed(ev) {
    if (form.getAttribute("data-conflict")) { return; }
    if (ev.target && ev.target.name) { touched[ev.target.name] = true; }
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, ev.type === "input" ? 600 : 50);
  }
  form.addEventListener("change", changed);
  form.addEventListener("input", changed);
  var waiting = false;  // a submit that waits for the save in flight (it changes `rev`)
  var pending = null;
  form.addEventListener("submit", function (ev) {
    if (form.getAttribute("data-conflict")) { ev.preventDefault(); return; }
    if (timer) { clearTimeout(timer); timer = null; }
    if (busy) {
      ev.preventDefault();
      waiting = true;
      pending = ev.submitter || null;
      again = false;
    }
  });
  function release() {
    if (waiting && !busy) {
      var s = pending; waiting = false; pending = null;
      if (form.requestSubmit) { form.requestSubmit(s || undefined); } else { form.submit(); }
    }
  }
})();
