;;; Test driver (not a recipe): loads the format-on-save recipe, saves FILE in a
;;; Dockerfile buffer, and writes what it saw as JSON to $OUT for the Go test to check.
;;; Run: emacs --batch -Q -l emacs_format.el FILE
(require 'json)
(prefer-coding-system 'utf-8)
;; dockerfile-mode is on MELPA, not in Debian: a stand-in, so that the recipe's mode
;; hook is what turns the formatter on.
(unless (fboundp 'dockerfile-mode)
  (define-derived-mode dockerfile-mode prog-mode "Dockerfile"))
(add-to-list 'auto-mode-alist '("\\(?:\\`\\|/\\)Dockerfile\\'" . dockerfile-mode))
(load (getenv "RECIPE") nil t)
(let* ((file (car command-line-args-left))
       (result
        (condition-case err
            (with-current-buffer (find-file-noselect file)
              (let ((before (buffer-string)))
                ;; save-buffer does nothing (no hook runs) for an unmodified buffer;
                ;; a user saves after an edit.
                (set-buffer-modified-p t)
                (save-buffer)
                `((mode . ,(symbol-name major-mode))
                  (coding . ,(symbol-name buffer-file-coding-system))
                  (before . ,before)
                  (after . ,(buffer-string))
                  (modified . ,(if (buffer-modified-p) t :json-false)))))
          (error `((error . ,(error-message-string err)))))))
  (let ((coding-system-for-write 'utf-8-unix))
    (with-temp-file (getenv "OUT")
      (insert (json-encode result))))
  (setq command-line-args-left nil))
