// An inspection task's form: every change is kept in the browser at once and sent to the server as a draft with a
// rising revision. Offline, the draft waits in localStorage and is sent when the connection returns; the server keeps
// only a draft newer than the one it has, so a late retry never overwrites what was typed after it, and nothing is
// entered twice. A task page that shows no form (submitted) forgets the browser's copy.
(function () {
  var form = document.getElementById('task-form');
  var status = document.getElementById('draft-status');
  var doneTask = document.querySelector('[data-done-task]');
  if (doneTask) {
    localStorage.removeItem('yw-inspection-' + doneTask.getAttribute('data-done-task'));
  }
  if (!form) {
    return;
  }
  var key = 'yw-inspection-' + form.getAttribute('data-task-id');
  var url = form.getAttribute('data-draft-url');
  var revision = parseInt(form.getAttribute('data-revision'), 10) || 0;
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  var sending = false;
  var pending = false;

  function text(name) {
    return form.getAttribute('data-text-' + name) || '';
  }

  function results() {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || (field.name.indexOf('v.') !== 0 && field.name.indexOf('n.') !== 0)) {
        return;
      }
      if (field.type === 'radio' && !field.checked) {
        return;
      }
      var item = field.name.substring(2);
      answers[item] = answers[item] || { value: null, note: null };
      answers[item][field.name.charAt(0) === 'v' ? 'value' : 'note'] = field.value === '' ? null : field.value;
    });
    return answers;
  }

  function restore(saved) {
    Object.keys(saved.results).forEach(function (item) {
      var answer = saved.results[item];
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name === 'v.' + item) {
          if (field.type === 'radio') {
            field.checked = field.value === answer.value;
          } else if (field.type !== 'hidden') {
            field.value = answer.value || '';
          }
        } else if (field.name === 'n.' + item) {
          field.value = answer.note || '';
        }
      });
    });
  }

  function send() {
    var saved = JSON.parse(localStorage.getItem(key) || 'null');
    if (!saved || saved.revision <= revision) {
      return;
    }
    if (sending) {
      pending = true;
      return;
    }
    sending = true;
    var headers = { 'Content-Type': 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(saved), credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        revision = Math.max(revision, saved.revision);
        status.textContent = text('saved');
        status.setAttribute('data-saved-revision', String(revision));
      })
      .catch(function () {
        status.textContent = text('offline');
      })
      .finally(function () {
        sending = false;
        if (pending) {
          pending = false;
          send();
        }
      });
  }

  function changed() {
    var saved = JSON.parse(localStorage.getItem(key) || 'null');
    var next = Math.max(revision, saved ? saved.revision : 0) + 1;
    localStorage.setItem(key, JSON.stringify({ revision: next, results: results() }));
    status.textContent = text('saving');
    send();
  }

  var kept = JSON.parse(localStorage.getItem(key) || 'null');
  if (kept && kept.revision > revision) {
    // typed here while the server did not hear of it: put it back and send it now
    restore(kept);
    send();
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  window.addEventListener('online', send);
})();
