// Editing controls of `toc serve --edit`: forms that send one edit at a time to the
// server, which writes the model file (keeping its comments), checks and redraws it;
// the page then reloads to show the new drawing and findings. Included before page.js
// only when editing is on; page.js calls tocEditing() once the diagram is connected.
// Model text is only ever inserted with textContent, never as HTML.
function tocEditing(api) {
  "use strict";

  var data = api.data;
  var edit = data.edit;
  var element = api.element;
  var MESSAGE_KEY = "toc-edit-message";
  var TYPE_NAMES = { need: "Need", input: "Input", activity: "Activity", output: "Output",
                     outcome: "Outcome", impact: "Impact" };
  var EVIDENCE_NAMES = { "": "not stated", none: "none", weak: "weak", moderate: "moderate", strong: "strong" };
  var AVAILABILITY_NAMES = { "": "not stated", collected: "collected by us", partner: "held by a partner",
                             "not-collected": "not collected yet" };

  function labelOf(id) {
    var node = edit.nodes[id];
    return node ? node.label || id : id;
  }

  function button(text, onClick, className, accessibleName) {
    var made = element("button", className || "", text);
    made.type = "button";
    if (accessibleName) { made.setAttribute("aria-label", accessibleName); }
    made.addEventListener("click", onClick);
    return made;
  }

  // ------------------------------------------------------------ talking to toc serve
  function toast(text) {
    var note = element("p", "toast", text);
    note.setAttribute("role", "status");
    document.body.appendChild(note);
    setTimeout(function () { note.remove(); }, 4000);
  }

  function reloadShowing(focus, message) {
    try { sessionStorage.setItem(MESSAGE_KEY, message); } catch (error) { /* private mode: no message */ }
    try {
      history.replaceState(null, "", focus ? "#" + encodeURIComponent(focus) : location.pathname + location.search);
    } catch (error) { /* keep the address as it is */ }
    location.reload();
  }

  // While an edit is on its way, a new version seen by the page's long poll waits for the
  // edit's answer (which reloads), so the reload keeps the box the edit is about.
  var sending = false, changedMeanwhile = false;

  // Send one edit; on success the page reloads with the redrawn model. ``problem`` shows a refusal.
  function send(request, problem) {
    var body = Object.assign({ token: edit.token, hash: edit.hash }, request);
    sending = true;
    var refused = problem;
    problem = function (text) {
      sending = false;
      if (changedMeanwhile) { reloadShowing(null, text); return; }  // the file changed: show it
      refused(text);
    };
    return fetch("/edit", {
      method: "POST", cache: "no-store", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
    }).then(function (result) {
      var answer = result.answer;
      if (answer.ok) {
        reloadShowing(answer.focus, answer.message);
        return;
      }
      if (answer.stale) {
        // Someone saved the file elsewhere: never overwrite it; show their version.
        reloadShowing(null, "Not saved: " + answer.error);
        return;
      }
      problem("Not saved: " + (answer.error || "the server refused the edit (" + result.status + ")"));
    }).catch(function () {
      problem("Not saved: toc serve does not answer (has it stopped?)");
    });
  }

  // ------------------------------------------------------------------ the form dialog
  var dialog = element("dialog", "editor");
  dialog.setAttribute("aria-labelledby", "editor-title");
  document.body.appendChild(dialog);

  function field(spec) {
    var wrapper = element("div", "field");
    var id = "edit-" + spec.name;
    var label = element("label", "", spec.label);
    label.htmlFor = id;
    wrapper.appendChild(label);
    var input;
    if (spec.choices) {
      input = element("select");
      spec.choices.forEach(function (choice) {
        var option = element("option", "", choice[1]);
        option.value = choice[0];
        input.appendChild(option);
      });
    } else if (spec.long) {
      input = element("textarea");
    } else {
      input = element("input");
      input.type = "text";
      input.autocomplete = "off";
    }
    input.id = id;
    input.name = spec.name;
    input.value = spec.value || "";
    if (spec.required) { input.required = true; }
    if (spec.placeholder) { input.placeholder = spec.placeholder; }
    wrapper.appendChild(input);
    if (spec.hint) {
      var hint = element("span", "field-hint", spec.hint);
      hint.id = id + "-hint";
      input.setAttribute("aria-describedby", hint.id);
      wrapper.appendChild(hint);
    }
    return { wrapper: wrapper, input: input };
  }

  // A modal form: ``fields`` as for field(); ``submit(values, problem)`` sends the edit.
  function openForm(title, fields, submitText, submit, extra) {
    var form = element("form");
    form.noValidate = true;
    var heading = element("h2", "", title);
    heading.id = "editor-title";
    form.appendChild(heading);
    if (extra) { form.appendChild(extra); }
    var inputs = {};
    fields.forEach(function (spec) {
      var made = field(spec);
      inputs[spec.name] = made;
      form.appendChild(made.wrapper);
    });
    var error = element("p", "error");
    error.setAttribute("role", "alert");
    form.appendChild(error);
    var buttons = element("div", "buttons");
    var cancel = button("Cancel", function () { dialog.close(); });
    var save = element("button", "primary", submitText);
    save.type = "submit";
    buttons.appendChild(cancel);
    buttons.appendChild(save);
    form.appendChild(buttons);
    function problem(text) {
      error.textContent = text;
      save.disabled = false;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = {};
      Object.keys(inputs).forEach(function (name) {
        if (!inputs[name].wrapper.hidden) { values[name] = inputs[name].input.value.trim(); }
      });
      var missing = fields.filter(function (spec) {
        return spec.required && !inputs[spec.name].wrapper.hidden && !values[spec.name];
      });
      if (missing.length) {
        problem("Please fill in: " + missing.map(function (spec) { return spec.label; }).join(", "));
        inputs[missing[0].name].input.focus();
        return;
      }
      save.disabled = true;
      error.textContent = "Saving…";
      submit(values, problem);
    });
    dialog.replaceChildren(form);
    if (!dialog.open) { dialog.showModal(); }
    var first = form.querySelector("input, select, textarea");
    if (first) { first.focus(); }
    return inputs;
  }

  function choices(values, names) {
    return values.map(function (value) { return [value, names[value] || value]; });
  }

  // ------------------------------------------------------------------------ boxes
  function boxFields(values) {
    return [
      { name: "label", label: "Label", value: values.label, required: true,
        hint: "The words in the box." },
      { name: "type", label: "Type", value: values.type || "activity",
        choices: choices(edit.choices.type, TYPE_NAMES) },
      { name: "term", label: "Term", value: values.term || "short",
        choices: choices(edit.choices.term, { short: "short term", medium: "medium term", long: "long term" }),
        hint: "For outcomes: when the change is expected." },
      { name: "group", label: "Group", value: values.group,
        hint: "Optional: a strand, theme or partner agency." }
    ];
  }

  // The Term field shows only for outcomes (the only boxes that have one).
  function linkTypeAndTerm(inputs) {
    function update() { inputs.term.wrapper.hidden = inputs.type.input.value !== "outcome"; }
    inputs.type.input.addEventListener("change", update);
    update();
  }

  function addBox() {
    var fields = boxFields({});
    fields.push({ name: "id", label: "Id", placeholder: "made from the label",
                  hint: "Optional: the short name links use. Leave empty to make one from the label." });
    var inputs = openForm("Add a box", fields, "Add box", function (values, problem) {
      send(Object.assign({ action: "add-node" }, values), problem);
    });
    linkTypeAndTerm(inputs);
  }

  function editBox(id) {
    var inputs = openForm("Edit the box", boxFields(edit.nodes[id]), "Save box", function (values, problem) {
      if (values.type !== "outcome") { values.term = ""; }
      send(Object.assign({ action: "set-node", node: id }, values), problem);
    });
    linkTypeAndTerm(inputs);
  }

  function linksOf(id) {
    return edit.links.filter(function (link) { return link[0] === id || link[1] === id; });
  }

  function confirmDelete(title, going, submitText, request) {
    var extra = element("div");
    if (going.length) {
      extra.appendChild(element("p", "", going.length === 1 ? "This link goes too:" : "These " + going.length +
        " links go too:"));
      var list = element("ul", "going");
      going.forEach(function (link) { list.appendChild(element("li", "", labelOf(link[0]) + " → " + labelOf(link[1]))); });
      extra.appendChild(list);
    }
    extra.appendChild(element("p", "field-hint", "Undo puts it back."));
    openForm(title, [], submitText, function (values, problem) { send(request, problem); }, extra);
    dialog.querySelector("button.primary").classList.add("danger");
  }

  function deleteBox(id) {
    confirmDelete("Delete the box “" + labelOf(id) + "”?", linksOf(id), "Delete box",
                  { action: "delete-node", node: id });
  }

  // ------------------------------------------------------------------------ links
  function boxChoices() {
    return Object.keys(edit.nodes).map(function (id) { return [id, labelOf(id)]; });
  }

  function linkFields(values) {
    return [
      { name: "assumption", label: "Assumption", value: values.assumption, long: true,
        hint: "Why should this lead to that? The rationale in a sentence." },
      { name: "evidence", label: "Evidence", value: values.evidence,
        choices: choices([""].concat(edit.choices.evidence), EVIDENCE_NAMES),
        hint: "How strong the evidence for the link is." }
    ];
  }

  function addLink(source, target) {
    var ids = Object.keys(edit.nodes);
    var fields = [
      { name: "source", label: "From", value: source || ids[0], choices: boxChoices() },
      { name: "target", label: "To", value: target || ids[Math.min(1, ids.length - 1)], choices: boxChoices() }
    ].concat(linkFields({}));
    openForm("Add a link", fields, "Add link", function (values, problem) {
      send(Object.assign({ action: "add-link" }, values), problem);
    });
  }

  function findLink(source, target) {
    return edit.links.filter(function (link) { return link[0] === source && link[1] === target; })[0];
  }

  function editLink(source, target) {
    var link = findLink(source, target) || [source, target, "", ""];
    openForm("Edit the link " + labelOf(source) + " → " + labelOf(target),
             linkFields({ assumption: link[2], evidence: link[3] }), "Save link", function (values, problem) {
      send(Object.assign({ action: "set-link", source: source, target: target }, values), problem);
    });
  }

  function deleteLink(source, target) {
    confirmDelete("Delete the link " + labelOf(source) + " → " + labelOf(target) + "?", [], "Delete link",
                  { action: "delete-link", source: source, target: target });
  }

  // ------------------------------------------------------------------- indicators
  function indicatorFields(values) {
    return [
      { name: "measure", label: "Measure", value: values.measure, required: true,
        hint: "What is measured, in words." },
      { name: "source", label: "Source", value: values.source, hint: "Where the data comes from." },
      { name: "baseline", label: "Baseline", value: values.baseline, hint: "The starting value." },
      { name: "target", label: "Target", value: values.target, hint: "The value aimed for." },
      { name: "availability", label: "Availability", value: values.availability,
        choices: choices([""].concat(edit.choices.availability), AVAILABILITY_NAMES),
        hint: "Whether the data exists yet." }
    ];
  }

  function addIndicator(node) {
    openForm("Add an indicator to “" + labelOf(node) + "”", indicatorFields({}), "Add indicator",
             function (values, problem) {
      send(Object.assign({ action: "add-indicator", node: node }, values), problem);
    });
  }

  function editIndicator(node, indicator) {
    openForm("Edit the indicator", indicatorFields(indicator), "Save indicator", function (values, problem) {
      send(Object.assign({ action: "set-indicator", node: node, indicator: indicator.id }, values), problem);
    });
  }

  function deleteIndicator(node, indicator) {
    confirmDelete("Delete the indicator “" + (indicator.measure || indicator.id) + "”?", [], "Delete indicator",
                  { action: "delete-indicator", node: node, indicator: indicator.id });
  }

  // --------------------------------------------------------------- on the page
  var bar = element("div", "edit-bar");
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Change the model");
  bar.appendChild(button("Add box", addBox));
  bar.appendChild(button("Add link", function () { addLink(selectedFromAddress(), null); }));
  var undo = button("Undo", function () {
    send({ action: "undo" }, function (text) { toast(text); });
  }, "", "Undo the last edit");
  undo.disabled = !edit.undo;
  undo.title = edit.undo ? "Undo the last edit made from this page" : "Nothing to undo yet";
  bar.appendChild(undo);
  var controls = document.querySelector(".controls");
  controls.insertBefore(bar, controls.firstChild);

  function selectedFromAddress() {
    if (location.hash.length < 2) { return null; }
    try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return null; }
  }

  var live = document.getElementById("live-status");
  if (live) { live.setAttribute("data-editing", "true"); }

  // The message of the edit that caused this reload.
  try {
    var message = sessionStorage.getItem(MESSAGE_KEY);
    if (message) {
      sessionStorage.removeItem(MESSAGE_KEY);
      toast(message);
      api.announce(message);
    }
  } catch (error) { /* no storage: no message */ }

  // Drag from one box to another to add a link between them.
  var dragFrom = null, dragStart = null, dragLine = null;
  function svgPoint(event) {
    var matrix = api.svg.getScreenCTM();
    if (!matrix) { return null; }
    var point = api.svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(matrix.inverse());
  }
  api.nodeElements.forEach(function (nodeElement, id) {
    nodeElement.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      dragFrom = id;
      dragStart = { x: event.clientX, y: event.clientY, point: svgPoint(event) };
    });
  });
  document.addEventListener("pointermove", function (event) {
    if (dragFrom === null) { return; }
    var far = Math.abs(event.clientX - dragStart.x) + Math.abs(event.clientY - dragStart.y) > 8;
    if (!far) { return; }
    document.body.classList.add("linking");
    var point = svgPoint(event);
    if (!point || !dragStart.point) { return; }
    if (!dragLine) {
      dragLine = document.createElementNS("http://www.w3.org/2000/svg", "line");
      dragLine.setAttribute("class", "drag-line");
      api.svg.appendChild(dragLine);
    }
    dragLine.setAttribute("x1", dragStart.point.x);
    dragLine.setAttribute("y1", dragStart.point.y);
    dragLine.setAttribute("x2", point.x);
    dragLine.setAttribute("y2", point.y);
  });
  document.addEventListener("pointerup", function (event) {
    if (dragFrom === null) { return; }
    var source = dragFrom;
    var moved = Math.abs(event.clientX - dragStart.x) + Math.abs(event.clientY - dragStart.y) > 8;
    dragFrom = null;
    document.body.classList.remove("linking");
    if (dragLine) { dragLine.remove(); dragLine = null; }
    var over = document.elementFromPoint(event.clientX, event.clientY);
    var targetElement = over && over.closest ? over.closest("g.node[data-node]") : null;
    var target = targetElement ? targetElement.getAttribute("data-node") : null;
    if (moved && target && target !== source) { addLink(source, target); }
  });

  // ------------------------------------------------------ hooks page.js calls
  function itemActions(entry, buttons) {
    var actions = element("div", "item-actions");
    buttons.forEach(function (made) { actions.appendChild(made); });
    entry.appendChild(actions);
  }

  return {
    // Whether a new version is the business of an edit on its way (see ``send``).
    pending: function () {
      if (sending) { changedMeanwhile = true; }
      return sending;
    },
    // Buttons under the selected box's title.
    nodeActions: function (fragment, node) {
      var actions = element("div", "edit-actions");
      actions.setAttribute("role", "group");
      actions.setAttribute("aria-label", "Change this box");
      actions.appendChild(button("Edit box", function () { editBox(node.id); }));
      actions.appendChild(button("Add link from here", function () { addLink(node.id, null); }));
      actions.appendChild(button("Delete box", function () { deleteBox(node.id); }, "danger"));
      fragment.appendChild(actions);
    },
    // Edit and delete buttons on each indicator and link of the selected box's panel.
    decorateSection: function (wrapper, spec, id) {
      var entries = wrapper.querySelectorAll(":scope > ul.items > li.item");
      if (spec.id === "indicators") {
        var indicators = edit.indicators[id] || [];
        entries.forEach(function (entry, index) {
          var indicator = indicators[index];
          if (!indicator) { return; }
          var name = indicator.measure || indicator.id;
          itemActions(entry, [
            button("Edit indicator", function () { editIndicator(id, indicator); }, "", "Edit indicator: " + name),
            button("Delete indicator", function () { deleteIndicator(id, indicator); }, "danger",
                   "Delete indicator: " + name)
          ]);
        });
        wrapper.appendChild(button("Add indicator", function () { addIndicator(id); }, "add-item"));
      } else if (spec.id === "outgoing" || spec.id === "incoming") {
        var outgoing = spec.id === "outgoing";
        var links = edit.links.filter(function (link) { return outgoing ? link[0] === id : link[1] === id; });
        entries.forEach(function (entry, index) {
          var link = links[index];
          if (!link) { return; }
          var name = labelOf(link[0]) + " → " + labelOf(link[1]);
          itemActions(entry, [
            button("Edit link", function () { editLink(link[0], link[1]); }, "", "Edit link: " + name),
            button("Delete link", function () { deleteLink(link[0], link[1]); }, "danger", "Delete link: " + name)
          ]);
        });
      }
    }
  };
}
