# fish completion for art-page
complete -c art-page -s n -l per-page -x -d 'Records to a page (default 10)'
complete -c art-page -s p -l page -x -d 'The page to write, from 1'
complete -c art-page -l pages -d 'Write the total, per_page and number of pages'
complete -c art-page -l split -r -F -d 'Write every page to PREFIX-0001.ndjson, ...'
complete -c art-page -s o -l output -r -F -d 'Write to FILE atomically'
complete -c art-page -l strict -d 'A bad record is an error (exit 2)'
complete -c art-page -s h -l help -d 'Display help and exit'
complete -c art-page -s V -l version -d 'Display version and exit'
