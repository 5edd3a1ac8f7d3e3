# fish completion for art-parse
complete -c art-parse -l lexicon -r -F -d 'Prefer the tags listed in FILE, one per line'
complete -c art-parse -l explain-tags -d 'Tell on standard error how each tag line was split'
complete -c art-parse -s o -l output -r -F -d 'Write to FILE atomically'
complete -c art-parse -s q -l quiet -d 'No message per bad record, only their count'
complete -c art-parse -l max-errors -x -d 'The (N+1)th bad record or input is an error (exit 2)'
complete -c art-parse -l strict -d 'The first bad record is an error (exit 2)'
complete -c art-parse -s h -l help -d 'Display help and exit'
complete -c art-parse -s V -l version -d 'Display version and exit'
