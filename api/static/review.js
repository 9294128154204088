// Sends a reviewer's decision to /api/reviews with the key kept in this tab's sessionStorage.
(function () {
  "use strict";
  var key = document.getElementById("api-key");
  var reviewer = document.getElementById("reviewer");
  if (!key || !reviewer) {
    return;
  }
  key.value = sessionStorage.getItem("mandate-api-key") || "";
  reviewer.value = sessionStorage.getItem("mandate-reviewer") || "";
  key.addEventListener("change", function () {
    sessionStorage.setItem("mandate-api-key", key.value);
  });
  reviewer.addEventListener("change", function () {
    sessionStorage.setItem("mandate-reviewer", reviewer.value);
  });

  function decide(button) {
    var cell = button.parentElement;
    var output = cell.querySelector("output.result");
    output.textContent = "…";
    fetch("/api/reviews", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": key.value },
      body: JSON.stringify({
        link: button.getAttribute("data-link"),
        decision: button.getAttribute("data-decision"),
        reviewer: reviewer.value,
      }),
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, status: response.status, body: body };
        });
      })
      .then(function (answer) {
        if (answer.ok) {
          output.textContent = answer.body.status + " · " + answer.body.reviewer + " · " + answer.body.at;
          cell.parentElement.className = "proposal decided " + answer.body.status;
          cell.querySelectorAll("button").forEach(function (other) {
            other.disabled = true;
          });
        } else {
          var error = answer.body && answer.body.error;
          output.textContent = (error && error.message) || "HTTP " + answer.status;
        }
      })
      .catch(function (problem) {
        output.textContent = String(problem);
      });
  }

  document.querySelectorAll("button.decide").forEach(function (button) {
    button.addEventListener("click", function () {
      decide(button);
    });
  });
})();
