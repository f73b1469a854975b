// H5P.AttentionLens: the H5P content type that plays the lesson page in any H5P host (Moodle's
// H5P activity, the WordPress H5P plugin, Drupal, h5p-standalone). Copied into the .h5p by
// h5p_package.mjs, which puts the single-file lesson where LESSON_HTML stands. The lesson runs
// in a frame of its own (srcdoc: the same origin as the H5P content, so its quizzes can be
// listened to directly; a blob: URL would not do, as nothing resolves against it); its score
// goes out through H5P's xAPI, as every H5P question does:
//   answered   after each checked question: questions answered right of all the lesson's
//   completed  once every question was checked, with success against params.passPercentage
// getCurrentState() lets a host that saves content state bring a learner's answers back.
var H5P = H5P || {};

H5P.AttentionLens = (function (EventDispatcher) {
  'use strict';

  var LESSON = LESSON_HTML;

  function AttentionLens(params, contentId, extras) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.checked = {};  // quiz → question ids checked at least once
    this.solved = {};   // quiz → question ids answered right
    this.total = 0;
    this.completed = false;
    var previous = extras && extras.previousState;
    if (previous && previous.solved) {
      this.solved = toSets(previous.solved);
      this.checked = toSets(previous.checked || {});
    }
  }
  AttentionLens.prototype = Object.create(EventDispatcher.prototype);
  AttentionLens.prototype.constructor = AttentionLens;

  function toSets(map) {
    var sets = {};
    Object.keys(map).forEach(function (name) {
      sets[name] = new Set(Array.isArray(map[name]) ? map[name].filter(function (id) { return typeof id === 'string'; }) : []);
    });
    return sets;
  }
  function fromSets(sets) {
    var map = {};
    Object.keys(sets).forEach(function (name) { map[name] = Array.from(sets[name]); });
    return map;
  }
  function count(sets) {
    return Object.keys(sets).reduce(function (sum, name) { return sum + sets[name].size; }, 0);
  }

  AttentionLens.prototype.getScore = function () { return count(this.solved); };
  AttentionLens.prototype.getMaxScore = function () { return this.total; };
  AttentionLens.prototype.getCurrentState = function () {
    return { checked: fromSets(this.checked), solved: fromSets(this.solved) };
  };

  AttentionLens.prototype.attach = function ($container) {
    var self = this;
    var container = $container.get(0);
    container.classList.add('h5p-attention-lens');
    var frame = document.createElement('iframe');
    frame.title = (this.params.title || 'Attention Lens lesson');
    frame.style.cssText = 'display:block;width:100%;height:900px;border:0';
    frame.addEventListener('load', function () { self.listen(frame); });
    this.restore();
    frame.srcdoc = LESSON;
    container.appendChild(frame);
  };

  // Counts every checked question of the lesson's quizzes, once they have drawn.
  AttentionLens.prototype.listen = function (frame) {
    var self = this;
    var win = frame.contentWindow;
    var doc = frame.contentDocument;
    if (!doc || !win) return;
    var quizzes = Array.prototype.slice.call(doc.querySelectorAll('attention-quiz'));
    var nameOf = function (quiz) { return quiz.id || String(quizzes.indexOf(quiz)); };
    quizzes.forEach(function (quiz) {
      var name = nameOf(quiz);
      self.checked[name] = self.checked[name] || new Set();
      self.solved[name] = self.solved[name] || new Set();
    });
    // Keep the frame as tall as the lesson, so the host scrolls, not the frame.
    var fit = function () {
      frame.style.height = doc.documentElement.scrollHeight + 'px';
      self.trigger('resize');
    };
    if (win.ResizeObserver) new win.ResizeObserver(fit).observe(doc.documentElement);
    doc.addEventListener('quizanswer', function (event) {
      var quiz = event.composedPath().find(function (node) { return node.localName === 'attention-quiz'; });
      if (!quiz) return;
      var name = nameOf(quiz);
      self.checked[name].add(event.detail.id);
      if (event.detail.correct) self.solved[name].add(event.detail.id);
      self.report();
    });
    win.customElements.whenDefined('attention-quiz').then(function () {
      return Promise.all(quizzes.map(function (quiz) { return quiz.ready; }));
    }).then(function () {
      self.total = quizzes.reduce(function (sum, quiz) { return sum + quiz.score.total; }, 0);
      fit();
    });
  };
  // The lesson's quizzes keep what was answered right in localStorage, under
  // attention-quiz:<path>:<quiz id> (attention_quiz_element.js); a srcdoc frame shares this
  // page's storage and its path is "srcdoc". Before the lesson draws, the host's saved state
  // goes there, and a learner with none starts empty even where someone else took the lesson.
  AttentionLens.prototype.restore = function () {
    var self = this;
    var names = {};
    LESSON.replace(/<attention-quiz\b[^>]*\sid="([^"]+)"/g, function (tag, name) { names[name] = true; });
    Object.keys(this.solved).forEach(function (name) { names[name] = true; });
    Object.keys(names).forEach(function (name) {
      try {
        window.localStorage.setItem('attention-quiz:srcdoc:' + name, JSON.stringify(self.solved[name] ? Array.from(self.solved[name]) : []));
      } catch (error) {
        // storage blocked: the quizzes start empty, the host still gets every score
      }
    });
  };

  AttentionLens.prototype.report = function () {
    var score = this.getScore();
    var max = this.getMaxScore();
    this.triggerXAPIScored(score, max, 'answered');
    if (!this.completed && max > 0 && count(this.checked) >= max) {
      this.completed = true;
      var pass = this.params.passPercentage;
      var success = typeof pass === 'number' ? (100 * score) / max >= pass : undefined;
      this.triggerXAPIScored(score, max, 'completed', true, success);
    }
  };

  return AttentionLens;
})(H5P.EventDispatcher);
