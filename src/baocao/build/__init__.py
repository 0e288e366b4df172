"""The build engine: every notice under the given paths → ``<out>/<notice>/``, incrementally.

Stages, one module each:

- :mod:`.sources`  which files are notices, and the safe, unique output folder of each;
- :mod:`.plan`     the manifest: what each output was built from, and what is stale;
- :mod:`.outputs`  the output kinds of a notice (the plug-in interface for new outputs);
- :mod:`.workers`  rendering (and ``--verify`` checking) in worker processes;
- :mod:`.write`    whole sets swapped in atomically; recovery after a kill;
- :mod:`.engine`   the loop tying them together; :mod:`.display` what the user sees;
- :mod:`.verify`   ``--verify``; :mod:`.summary` the folder's ``tong-hop/``;
- :mod:`.numbers`  numbers from the register (``--take-numbers``).

Only the parent process writes; workers return bytes.
"""
