/**
 * Lint conformance corpus: small files in several styles (English paraphrases, multilingual, tool calls,
 * multi-turn, max-token cut-offs), each a clean base plus planted defects with the findings expected at
 * which 1-based lines. The clean bases alone must produce no findings.
 */

type Msg = Record<string, unknown>;
export interface CorpusExpectation { check: string; severity: 'error' | 'warning' | 'info'; message: RegExp; lines: number[] }
export interface CorpusFile { name: string; clean: string[]; lines: string[]; expected: CorpusExpectation[] }

const u = (content: string): Msg => ({ role: 'user', content });
const a = (content: string): Msg => ({ role: 'assistant', content });
const chat = (...messages: Msg[]): string => JSON.stringify({ messages });

function build(name: string, clean: string[], plant: (add: (line: string, e?: Omit<CorpusExpectation, 'lines'> & { with?: number[] }) => number) => void): CorpusFile {
  const lines = [...clean];
  const expected: CorpusExpectation[] = [];
  plant((line, e) => {
    lines.push(line);
    const at = lines.length;
    if (e) expected.push({ check: e.check, severity: e.severity, message: e.message, lines: [...(e.with ?? []), at].sort((x, y) => x - y) });
    return at;
  });
  return { name, clean, lines, expected };
}

const EN = [
  chat(u('How do I undo my last commit in git?'), a('Run `git reset --soft HEAD~1`; the changes stay staged.')),
  chat(u('What temperature should I bake sourdough bread at?'), a('Start at 250 °C with the lid on, then 230 °C uncovered until the crust is deep brown.')),
  chat(u('Why does my Python script say ModuleNotFoundError?'), a('The package is not installed in the interpreter you run: install it with `python -m pip install name`.')),
  chat(u('Can I bring a power bank in checked luggage?'), a('No. Airlines require lithium power banks in the cabin, usually up to 100 Wh.')),
  chat(u('How long should I boil an egg for a runny yolk?'), a('Six minutes from boiling water, then straight into cold water.')),
  chat(u('What does HTTP status 429 mean?'), a('Too many requests: the server is rate limiting you. Wait for the Retry-After interval and back off.')),
  chat(u('Which houseplants survive in low light?'), a('Snake plants, pothos and ZZ plants cope well with little light and irregular watering.')),
  chat(u('How do I center a div horizontally with CSS?'), a('Give it a width and `margin: 0 auto`, or make the parent a flex container with `justify-content: center`.')),
  chat(u('What is the difference between a virus and a bacterium?'), a('Bacteria are living cells that can reproduce on their own; viruses need a host cell to replicate.')),
  chat(u('How often should I water a cactus in winter?'), a('About once a month, and only when the soil is completely dry.')),
  chat(u('Is it safe to charge my phone overnight?'), a('Yes. Modern phones stop charging at full and many delay the last 20% until you wake up.')),
  chat(u('Suggest a headline for an article on urban beekeeping.'), a('Rooftop Hives: How Cities Became Honey Country')),
  chat(u('What is the country-code top-level domain of Afghanistan?'), a('The top-level domain of Afghanistan is .af')),
  chat(u('How do I convert a string to an integer in JavaScript?'), a('Use `Number.parseInt(text, 10)` or `Number(text)` when the whole string must be numeric, which rejects implementations of partial parsing.')),
];

const DE_FR_ES_JA = [
  chat(u('Wie kann ich den letzten Git-Commit rückgängig machen?'), a('Mit `git reset --soft HEAD~1` bleiben die Änderungen im Index.')),
  chat(u('Welche Zimmerpflanzen vertragen wenig Licht?'), a('Bogenhanf, Efeutute und Glücksfeder kommen mit wenig Licht gut zurecht.')),
  chat(u('Wie lange muss ein Ei für ein weiches Eigelb kochen?'), a('Sechs Minuten ab sprudelndem Wasser, danach sofort abschrecken.')),
  chat(u('Comment convertir une chaîne en entier en Python ?'), a('Utilisez `int(texte)` ; une ValueError signale une chaîne invalide.')),
  chat(u('Quelle est la capitale de l’Australie ?'), a('Canberra, et non Sydney comme on le croit souvent.')),
  chat(u('Pourquoi le ciel est-il bleu ?'), a('La diffusion de Rayleigh disperse davantage la lumière bleue que la rouge.')),
  chat(u('¿Cómo puedo ver los puertos abiertos en Linux?'), a('Ejecuta `ss -tulpn` para listar los puertos en escucha y sus procesos.')),
  chat(u('¿Cuánta agua debo beber al día?'), a('Alrededor de dos litros, más si hace calor o haces ejercicio.')),
  chat(u('¿Qué significa el error 404?'), a('Que el servidor no encontró el recurso solicitado en esa dirección.')),
  chat(u('東京から大阪まで新幹線で何時間かかりますか？'), a('のぞみで約2時間30分です。')),
  chat(u('日本のコンセントの電圧は何ボルトですか？'), a('100ボルトで、周波数は東日本が50ヘルツ、西日本が60ヘルツです。')),
  chat(u('Was bedeutet der HTTP-Status 503?'), a('Der Dienst ist vorübergehend nicht verfügbar, meist wegen Überlastung oder Wartung.')),
];

const tool = (name: string, args: Record<string, unknown>, id: string): Msg => ({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }] });
const result = (id: string, content: string): Msg => ({ role: 'tool', tool_call_id: id, content });
const TOOLS = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
  { type: 'function', function: { name: 'convert_currency', description: 'Convert money', parameters: { type: 'object', properties: { amount: { type: 'number' }, from: { type: 'string' }, to: { type: 'string' } } } } }];
const withTools = (...messages: Msg[]): string => JSON.stringify({ messages, tools: TOOLS });

const TOOL_CALLS = [
  withTools(u('What is the weather in Lisbon right now?'), tool('get_weather', { city: 'Lisbon' }, 'c1'), result('c1', '{"temp": 21, "sky": "clear"}'), a('It is 21 °C and clear in Lisbon.')),
  withTools(u('Convert 250 euros to US dollars.'), tool('convert_currency', { amount: 250, from: 'EUR', to: 'USD' }, 'c2'), result('c2', '{"result": 271.5}'), a('250 EUR is about 271.50 USD.')),
  withTools(u('Is it raining in Dublin?'), tool('get_weather', { city: 'Dublin' }, 'c3'), result('c3', '{"temp": 11, "sky": "rain"}'), a('Yes, it is raining in Dublin at 11 °C.')),
  withTools(u('How many yen is 40 pounds sterling?'), tool('convert_currency', { amount: 40, from: 'GBP', to: 'JPY' }, 'c4'), result('c4', '{"result": 7612}'), a('40 GBP is about 7,612 JPY.')),
  withTools(u('Tell me a fun fact about octopuses.'), a('Octopuses have three hearts and blue blood.')),
  withTools(u('Do I need sunglasses in Cairo today?'), tool('get_weather', { city: 'Cairo' }, 'c5'), result('c5', '{"temp": 33, "sky": "sunny"}'), a('Yes: it is sunny and 33 °C in Cairo.')),
  withTools(u('Exchange 1000 Swiss francs into euros for me.'), tool('convert_currency', { amount: 1000, from: 'CHF', to: 'EUR' }, 'c6'), result('c6', '{"result": 1062}'), a('1000 CHF is about 1,062 EUR.')),
  withTools(u('What should I wear in Oslo this afternoon?'), tool('get_weather', { city: 'Oslo' }, 'c7'), result('c7', '{"temp": -3, "sky": "snow"}'), a('A warm coat and boots: it is snowing at -3 °C in Oslo.')),
  withTools(u('Can you write me a haiku about autumn?'), a('Red leaves drift and fall,\nthe river carries them home,\nquiet evening light.')),
  withTools(u('Convert 75 Canadian dollars to Mexican pesos.'), tool('convert_currency', { amount: 75, from: 'CAD', to: 'MXN' }, 'c8'), result('c8', '{"result": 985}'), a('75 CAD is about 985 MXN.')),
];

const MULTI_TURN = [
  chat(u('I want to learn to run a 5k.'), a('Great goal. How often can you train each week?'), u('Three times.'), a('Then try a couch-to-5k plan: nine weeks of run-walk intervals, three sessions a week.')),
  chat(u('My sink drains slowly.'), a('Is it the kitchen or the bathroom sink?'), u('Bathroom.'), a('Hair is the usual cause: pull the stopper and clear it with a drain snake.')),
  chat(u('Help me name my bakery.'), a('What makes it special?'), u('Everything is made with local rye.'), a('How about "Rye & Shine" or "The Rye Field"?')),
  chat(u('I keep forgetting to drink water.'), a('Do you work at a desk?'), u('Yes, all day.'), a('Keep a marked bottle on the desk and refill it at every meeting or break.')),
  chat(u('Which laptop should I buy for video editing?'), a('What is your budget?'), u('About 1500 dollars.'), a('Look for 32 GB of memory and a dedicated GPU; a 14-inch creator laptop fits that budget.')),
  chat(u('My tomato leaves are turning yellow.'), a('Are the lower leaves yellowing first?'), u('Yes, from the bottom up.'), a('That points to nitrogen deficiency or overwatering: feed lightly and let the soil dry between waterings.')),
  chat(u('I need a gift for my grandmother.'), a('What does she enjoy?'), u('Gardening and crosswords.'), a('A kneeling garden pad with tool pockets, or a book of cryptic crosswords.')),
  chat(u('How do I start investing with little money?'), a('Do you have an emergency fund yet?'), u('Yes, three months of expenses.'), a('Then a low-cost index fund with a monthly automatic contribution is a sound start.')),
  chat(u('My cat scratches the sofa.'), a('Does she have a scratching post?'), u('A small one she ignores.'), a('Get a tall, sturdy post, put it next to the sofa and reward her when she uses it.')),
  chat(u('Plan a day in Kyoto for me.'), a('Do you prefer temples or food markets?'), u('Both, but mornings are for temples.'), a('Fushimi Inari at dawn, Kiyomizu-dera after, then lunch and the afternoon at Nishiki Market.')),
];

/** The corpus: one file per style. */
export function conformanceCorpus(): CorpusFile[] {
  return [
    build('english-paraphrases', EN, (add) => {
      add(chat(u('How can I undo the last commit in git?'), a('Use `git reset --soft HEAD~1`, which keeps the changes staged.')), { check: 'near-duplicate', severity: 'warning', message: /paraphrased prompts/, with: [1] });
      add(chat(u('At what temperature should I bake sourdough bread?'), a('Bake it at 180 degrees for forty minutes.')), { check: 'contradiction', severity: 'warning', message: /paraphrased input, different answers/, with: [2] });
      add(chat(u('How do I parse JSON safely in Go?'), a('Unmarshal into a typed struct and check the error; you should prefer the implementa')), { check: 'truncated', severity: 'warning', message: /mid-word/ });
      add(chat(u('Show me a bash loop over files.'), a('Here it is:\n```bash\nfor f in *.txt; do\n  echo "$f"')), { check: 'truncated', severity: 'warning', message: /open code fence/ });
      add(chat(u('Summarise the French revolution in one sentence.'), a('It overthrew the monarchy (1789–1799 and reshaped')), { check: 'truncated', severity: 'warning', message: /open bracket/ });
    }),
    build('multilingual', DE_FR_ES_JA, (add) => {
      add(chat(u('Wie mache ich den letzten Git-Commit rückgängig?'), a('Mit `git reset --soft HEAD~1`; die Änderungen bleiben im Index.')), { check: 'near-duplicate', severity: 'warning', message: /paraphrased prompts/, with: [1] });
      add(chat(u('Quelle est la capitale de l’Australie ?'), a('Sydney, la plus grande ville du pays.')), { check: 'contradiction', severity: 'error', message: /same input, different answers/, with: [5] });
      add(JSON.stringify({ messages: [u('¿Cómo cambio la contraseña de mi wifi?'), a('Entra en la página del router, normalmente 192.168.1.1, y cambia la clave en el apartado inalámbrico.')], idioma: 'es' }), { check: 'target-schema', severity: 'warning', message: /unknown top-level key "idioma"/ });
      add(chat(u('東京から大阪まで新幹線で何時間かかりますか？'), a('のぞみで約2時間30分です。')), { check: 'exact-duplicate', severity: 'warning', message: /2 identical examples/, with: [10] });
    }),
    build('tool-calls', TOOL_CALLS, (add) => {
      add(withTools(u('What is the weather in Lisbon at the moment?'), tool('get_weather', { city: 'Lisbon' }, 'c9'), result('c9', '{"temp": 21, "sky": "clear"}'), a('It is 21 °C and clear in Lisbon.')), { check: 'near-duplicate', severity: 'warning', message: /2 near-duplicate examples/, with: [1] });
      add(withTools(u('Convert 250 euros to US dollars.'), tool('convert_currency', { amount: 250, from: 'EUR', to: 'GBP' }, 'd1')), { check: 'contradiction', severity: 'error', message: /same input, different answers/, with: [2] });
      add(withTools(u('What is the weather like in Vienna?'), { role: 'assistant', content: null, tool_calls: [{ id: 'd2', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Vie' } }] }), { check: 'truncated', severity: 'error', message: /arguments are cut off mid-JSON/ });
      add(withTools(u('Is it windy in Wellington?'), tool('get_weather', { city: 'Wellington' }, 'd3'), { ...result('d3', '{"temp": 14, "sky": "windy"}'), latency_ms: 120 }, a('Yes, it is windy in Wellington at 14 °C.')), { check: 'target-schema', severity: 'warning', message: /unknown key in a message "latency_ms"/ });
      add(withTools(u('How warm is it in Athens?'), result('d4', '{"temp": 29}'), a('It is 29 °C in Athens.')), { check: 'roles', severity: 'error', message: /tool turn without a preceding tool call/ });
    }),
    build('max-token-cut-off', EN, (add) => {
      const cut = [
        chat(u('Explain how vaccines train the immune system.'), a('A vaccine shows the immune system a harmless piece or copy of a pathogen so that B cells make antibodies and memory cells remember the shape for later infections of that germ')),
        chat(u('Why do leaves change colour in autumn?'), a('As days shorten trees stop making chlorophyll so the green fades and the yellow and orange carotenoids that were there all summer become visible while some species also produce bright red anthocyanins')),
        chat(u('How does a heat pump warm a house?'), a('It moves heat instead of making it by evaporating a refrigerant outside where it absorbs warmth from the air then compressing it so its temperature rises and releasing that heat indoors through')),
      ];
      const first = [add(cut[0]!), add(cut[1]!)];
      add(cut[2]!, { check: 'truncated', severity: 'warning', message: /3 answers stop at exactly 32 tokens/, with: first });
    }),
    build('multi-turn', MULTI_TURN, (add) => {
      add(chat(u('I want to learn the guitar.'), a('Acoustic or electric?'), u('Acoustic.'), a('Start with the chords G, C, D and E minor.'), a('Practise fifteen minutes a day.')), { check: 'roles', severity: 'warning', message: /two assistant turns in a row/ });
      add(chat(u('My bike chain squeaks.'), a('When did you last oil it?'), u(''), a('Clean it with a rag and apply a drop of chain lube to each link.')), { check: 'empty-turn', severity: 'error', message: /empty user turn/ });
      add(chat(u('Recommend a novel for a long flight.'), a('Do you like mysteries?'), u('Yes, classic ones.'), a('Try "The Moonstone" by Wilkie Collins, one of the')), { check: 'truncated', severity: 'warning', message: /dangling word/ });
      add(chat(u('I want to bake cookies.'), a('Chewy or crisp?'), u('Chewy, please.')), { check: 'roles', severity: 'warning', message: /conversation ends with a user turn/ });
    }),
  ];
}
