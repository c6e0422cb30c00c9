// Progressive enhancement of the pages (they work without it): save the section as the client
// answers, show the questions that now apply (the server decides, from the questionnaire's one
// model), show problems beside the questions already touched, say what was saved; on the
// consultant's page, copy a link and show times in the reader's own time zone.
(function () {
  "use strict";

  // --- everywhere: times in the reader's zone, the error summary takes the focus ----------
  Array.prototype.forEach.call(document.querySelectorAll("time[datetime]"), function (el) {
    var d = new Date(el.getAttribute("datetime"));
    if (isNaN(d.getTime())) { return; }
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    el.textContent = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) +
      " " + pad(d.getHours()) + ":" + pad(d.getMinutes()) + (zone ? " (" + zone + ")" : "");
  });
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  // --- the consultant's page: copy a client's link -------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("button.copy"), function (btn) {
    var input = document.getElementById(btn.getAttribute("data-copy"));
    if (!input) { return; }
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var done = function () {
        var label = btn.textContent;
        btn.textContent = btn.getAttribute("data-copied");
        setTimeout(function () { btn.textContent = label; }, 2000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(done, function () {
          input.select(); document.execCommand("copy"); done();
        });
      } else {
        input.select(); document.execCommand("copy"); done();
      }
    });
  });

  // --- a section of the questionnaire ----------------------------------------------------
  var form = document.getElementById("section");
  if (!form || !window.fetch || !window.FormData) { return; }
  // not form.action: a button named "action" (the goals' add and remove) shadows it
  var url = form.getAttribute("action");
  var touched = {};
  var timer = null;
  var busy = false;
  var again = false;
  var saved = document.getElementById("saved");
  var conflict = document.getElementById("conflict");

  function setErrors(list, messages) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var prefix = form.getAttribute("data-error-prefix") || "";
    (messages || []).forEach(function (m) {
      var li = document.createElement("li");
      if (prefix) {
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = prefix;
        li.appendChild(hidden);
      }
      li.appendChild(document.createTextNode(m));  // text, never HTML
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
      var box = list.closest(".field");
      if (box) { box.classList.toggle("field-error", shown.length > 0); }
      var input = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (input && input.type !== "checkbox") {
        if (shown.length) { input.setAttribute("aria-invalid", "true"); }
        else { input.removeAttribute("aria-invalid"); }
      }
    });
    var steps = document.querySelectorAll(".steps li[data-step]");
    Array.prototype.forEach.call(steps, function (li) {
      var name = li.getAttribute("data-step");
      if (!result.progress || !(name in result.progress)) { return; }
      var ok = result.progress[name];
      li.classList.toggle("done", ok);
      li.classList.toggle("todo", !ok);
      var mark = li.querySelector(".mark");
      if (mark) { mark.textContent = ok ? "✓" : li.getAttribute("data-n"); }
      var state = li.querySelector(".state");
      if (state) { state.textContent = " (" + li.getAttribute(ok ? "data-done" : "data-todo") + ")"; }
    });
    if (saved) {
      // said once per save, with the time: a screen reader hears what was saved
      var now = new Date();
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      saved.textContent = form.getAttribute("data-saved") + " · " + pad(now.getHours()) + ":" +
        pad(now.getMinutes()) + ":" + pad(now.getSeconds());
    }
  }

  function save() {
    if (busy) { again = true; return; }
    busy = true;
    var body = new FormData(form);
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Autosave": "1", "Accept": "application/json" }
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; });
    }).then(function (res) {
      if (res.status === 409) {
        if (conflict) {
          if (res.body && res.body.message) { conflict.textContent = res.body.message; }
          conflict.hidden = false;
        }
        again = false;  // nothing more is saved over the newer answers; reload to see them
        form.setAttribute("data-conflict", "1");
      } else if (res.status === 200) {
        apply(res.body);
      } else if (saved) {
        saved.textContent = form.getAttribute("data-failed");
      }
    }).catch(function () {
      // offline: the Save button still submits the form
      if (saved) { saved.textContent = form.getAttribute("data-failed"); }
    }).then(function () {
      busy = false;
      if (again && !form.getAttribute("data-conflict")) { again = false; save(); return; }
      release();
    });
  }

  function changed(ev) {
    if (form.getAttribute("data-conflict")) { return; }
    if (ev.target && ev.target.name) {
      if (ev.type === "input" && ev.target.type !== "checkbox") {
        // a field is judged once the client leaves it, not at each key
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(save, 800);
        return;
      }
      touched[ev.target.name] = true;
    }
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 50);
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
