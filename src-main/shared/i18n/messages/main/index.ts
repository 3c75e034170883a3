/** The `main.*` messages in each stored locale (en-GB: only what British English says differently). */
import enUS from './en-US.json';
import enGB from './en-GB.json';
import de from './de.json';
import fr from './fr.json';
import es from './es.json';
import ptBR from './pt-BR.json';

export default { 'en-US': enUS, 'en-GB': enGB, de, fr, es, 'pt-BR': ptBR } as const;
