;;; Test driver (not a recipe): loads the eglot recipe, visits FILE (the recipe's mode
;;; hook calls eglot-ensure), waits for restage's diagnostics, then, by $MODE:
;;;   format: saves the buffer (the recipe formats it through the server on save);
;;;   action: asks for the source.fixAll.restage code action (context.only), applies its edit and
;;;           saves without the format hook.
;;; Writes what it saw as JSON to $OUT for the Go test to check.
;;; Run: emacs --batch -l emacs_eglot.el FILE
(require 'json)
(require 'cl-lib)
(require 'eglot)
(prefer-coding-system 'utf-8)
(unless (fboundp 'dockerfile-mode)
  (define-derived-mode dockerfile-mode prog-mode "Dockerfile"))
(add-to-list 'auto-mode-alist '("\\(?:\\`\\|/\\)Dockerfile\\'" . dockerfile-mode))
(load (getenv "RECIPE") nil t)

;; Flymake does not run in batch mode: count what the server publishes instead.
(defvar restage-test-published nil)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (push (list :uri uri :diagnostics diagnostics) restage-test-published))

(defun restage-test-some-diagnostics ()
  (cl-some (lambda (p) (> (length (plist-get p :diagnostics)) 0)) restage-test-published))

(defun restage-test-save-events (server)
  "Write eglot's log of every message to $EVENTS (shutting down discards it)."
  (when (and server (getenv "EVENTS"))
    (with-current-buffer (jsonrpc-events-buffer server)
      (let ((coding-system-for-write 'utf-8-unix))
        (write-region nil nil (getenv "EVENTS"))))))

(let* ((file (car command-line-args-left))
       (mode (getenv "MODE"))
       (result nil)
       (server nil))
  (condition-case err
      (with-current-buffer (find-file-noselect file)
        ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
        (run-hooks 'post-command-hook)
        (setq server (eglot-current-server))
        (unless server (error "eglot did not connect"))
        (with-timeout (10 (error "no diagnostics within 10 s"))
          (while (not (restage-test-some-diagnostics))
            (accept-process-output nil 0.05)))
        (cond
         ((equal mode "format")
          (set-buffer-modified-p t)
          (save-buffer))
         ((equal mode "action")
          (let* ((actions (eglot-code-actions (point-min) (point-max) "source.fixAll.restage"))
                 (fix (cl-find "source.fixAll.restage" actions
                               :key (lambda (a) (plist-get a :kind)) :test #'equal)))
            (setq result (list :actions (vconcat actions)))
            (unless (plist-get fix :edit) (error "no source.fixAll.restage action with an edit"))
            (eglot--apply-workspace-edit (plist-get fix :edit))
            (let ((before-save-hook nil))
              (set-buffer-modified-p t)
              (save-buffer))))
         (t (error "MODE %s" mode)))
        (setq result (append (list :mode (symbol-name major-mode)
                                   :modified (if (buffer-modified-p) t :json-false))
                             result))
        (restage-test-save-events server)
        (eglot-shutdown server))
    (error
     (restage-test-save-events server)
     (setq result (append (list :error (error-message-string err)) result))))
  (setq result (append (list :published (vconcat (reverse restage-test-published))) result))
  (let ((coding-system-for-write 'utf-8-unix))
    (with-temp-file (getenv "OUT")
      (insert (json-encode result))))
  (setq command-line-args-left nil))
