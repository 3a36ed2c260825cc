"""The words the extraction rules look for, in English and Spanish.

Kept apart from the rules so a missed verb or title is a one-word fix. Every list is
lower case without changing accents; look-ups go through :func:`key` (case folded).
"""

from __future__ import annotations

import unicodedata


def key(word: str) -> str:
    """A word as the lists hold it: lower case, curly apostrophes straightened."""
    return word.casefold().replace("’", "'")


def bare(text: str) -> str:
    """Lower case without accents, for comparing names ("Bogotá" = "bogota")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(text.split())


# ---------------------------------------------------------------- speech

SPEECH_VERBS = word_set("""
    say says said saying tell tells told telling write writes wrote written writing
    add adds added state states stated declare declares declared explain explains explained
    note notes noted insist insists insisted argue argues argued warn warns warned
    claim claims claimed assert asserts asserted announce announces announced
    affirm affirmed stress stresses stressed emphasize emphasized emphasised emphasizes
    remark remarked reply replies replied respond responds responded answer answered
    ask asks asked continue continued conclude concluded recall recalled admit admits admitted
    acknowledge acknowledged tweet tweeted post posted call calls called calling
    describe describes described describing praise praised praising promise promised
    vow vowed pledge pledged urge urged complain complained deny denied suggest suggested
    predict predicted observe observed comment commented reiterate reiterated
    maintain maintained joke joked boast boasted counter countered caution cautioned
    charge charged underline underlined highlight highlighted quip quipped mused
    confirm confirmed concede conceded lament lamented testify testified
    dice dicen dijo dijeron decir afirma afirmó afirmaron declara declaró declararon
    añade añadió añadieron agrega agregó agregaron explica explicó explicaron
    apunta apuntó manifiesta manifestó asegura aseguró aseguraron señala señaló señalaron
    opina opinó indica indicó expresa expresó sostiene sostuvo subraya subrayó
    destaca destacó advierte advirtió insiste insistió reitera reiteró recalca recalcó
    enfatiza enfatizó comenta comentó responde respondió contesta contestó pregunta preguntó
    escribe escribió publica publicó tuitea tuiteó anuncia anunció admite admitió
    reconoce reconoció concluye concluyó precisa precisó puntualiza puntualizó
    promete prometió asevera aseveró denuncia denunció califica calificó describe describió
    considera consideró critica criticó defiende defendió remarca remarcó resalta resaltó
    plantea planteó argumenta argumentó detalla detalló confirma confirmó sentencia sentenció
    lamenta lamentó celebra celebró pide pidió exige exigió insta instó recuerda recordó
    continúa continuó prosigue prosiguió expone expuso menciona mencionó cuenta contó
    agradece agradeció elogia elogió reclama reclamó reclamaron
    acusa acusó acusaron rechaza rechazó rechazaron accuse accuses accused reject rejects
    underscore underscored underscores convey conveyed express expressed voice voiced
    mention mentioned signal signaled signalled welcome welcomed condemn condemned
    criticize criticized criticise criticised demand demanded question questioned
    valora valoró valoraron cuestiona cuestionó condena condenó
    rejected
""")
"""Verbs that introduce or follow a quotation ("said", "dijo"...)."""

CONTINUATION_VERBS = word_set("""
    add adds added continue continued continues añade añadió agrega agregó continúa
    continuó prosigue prosiguió completa completó remata remató
""")
"""Verbs that go on with the last speaker when they name nobody ("añadió", "he added")."""

ATTRIBUTION_PHRASES = ("according to", "según", "de acuerdo con", "in the words of",
                       "en palabras de", "quoted by", "citado por", "citada por")
"""Phrases naming who said something ("according to EFE"), or the channel it came by."""

SPEECH_NOUNS = word_set("""
    statement statements remarks interview speech message post letter communiqué
    comunicado declaraciones declaración entrevista discurso mensaje carta rueda
""")

PRONOUNS = {
    "he": "m", "she": "f", "they": "", "él": "m", "ella": "f", "ellos": "", "ellas": "",
}

# ---------------------------------------------------------------- names and roles

TITLES = word_set("""
    president vice-president vice prime minister ministers secretary ambassador senator
    sen. rep. representative congressman congresswoman governor gov. mayor general gen.
    admiral adm. colonel col. lieutenant lt. commander chancellor king queen prince
    princess pope spokesperson spokesman spokeswoman director chief judge justice
    chairman chairwoman chair ceo envoy adviser advisor leader candidate president-elect
    attorney commissioner deputy undersecretary under-secretary foreign defense defence
    treasury interior finance trade press national security homeland state
    mr. mrs. ms. dr. mr mrs ms dr sr. sra. srta. don doña
    presidente presidenta vicepresidente vicepresidenta canciller ministro ministra
    secretario secretaria embajador embajadora senador senadora congresista gobernador
    gobernadora alcalde alcaldesa almirante coronel comandante jefe jefa director directora
    portavoz vocero vocera fiscal magistrado magistrada juez jueza papa rey reina príncipe
    princesa mandatario mandataria líder candidato candidata asesor asesora enviado enviada
    primer primera viceministro viceministra defensor defensora subsecretario subsecretaria
    comisionado comisionada procurador procuradora contralor contralora
    analyst analista negotiator negociador negociadora researcher investigador investigadora
    professor profesor profesora economist economista lawyer abogado abogada activist
    activista official funcionario funcionaria former ex excandidato excandidata
    expresidente expresidenta exministro exministra presidencial presidential special
    especial senior interim interino interina adjunto adjunta
    diputado diputada legislador legisladora lawmaker legislator assemblyman assemblywoman
    concejal concejala councillor councilor councilman councilwoman
""")
"""Words of a title or role written before a name ("Treasury Secretary", "la canciller")."""

HONORIFICS = word_set("mr. mrs. ms. dr. mr mrs ms dr sr. sra. srta. don doña")

ROLE_HEADS = {
    # word -> role class; a role reference ("the Colombian leader") matches a person
    # whose role has a word of the same class.
    "president": "head", "presidente": "head", "presidenta": "head", "leader": "head",
    "líder": "head", "mandatario": "head", "mandataria": "head", "president-elect": "head",
    "premier": "head", "king": "head", "queen": "head", "rey": "head", "reina": "head",
    "chancellor": "head", "prime": "head",
    "vice": "vice", "vice-president": "vice", "vicepresidente": "vice",
    "vicepresidenta": "vice",
    "canciller": "foreign", "foreign": "foreign",
    "minister": "minister", "ministro": "minister", "ministra": "minister",
    "secretary": "secretary", "secretario": "secretary", "secretaria": "secretary",
    "ambassador": "ambassador", "embajador": "ambassador", "embajadora": "ambassador",
    "senator": "senator", "senador": "senator", "senadora": "senator",
    "governor": "governor", "gobernador": "governor", "gobernadora": "governor",
    "mayor": "mayor", "alcalde": "mayor", "alcaldesa": "mayor",
    "spokesperson": "spokesperson", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "portavoz": "spokesperson", "vocero": "spokesperson",
    "vocera": "spokesperson",
    "general": "general", "commander": "general", "comandante": "general",
    "director": "director", "directora": "director", "chief": "director", "jefe": "director",
    "jefa": "director",
    "envoy": "envoy", "enviado": "envoy", "enviada": "envoy",
    "fiscal": "prosecutor", "prosecutor": "prosecutor", "attorney": "prosecutor",
    "pope": "pope", "papa": "pope", "pontífice": "pope",
    "candidate": "candidate", "candidato": "candidate", "candidata": "candidate",
}
"""Head words of roles, by class, for resolving "el presidente estadounidense" to a person."""

FEMININE_ROLES = word_set("""
    presidenta vicepresidenta ministra secretaria embajadora senadora gobernadora alcaldesa
    jefa directora vocera magistrada jueza reina princesa mandataria candidata asesora
    enviada primera viceministra defensora subsecretaria comisionada procuradora contralora
    queen princess spokeswoman chairwoman congresswoman mrs. ms. mrs ms sra. srta. doña
""")
MASCULINE_ROLES = word_set("""
    presidente vicepresidente ministro secretario embajador senador gobernador alcalde jefe
    director vocero magistrado juez rey príncipe mandatario candidato asesor enviado primer
    viceministro defensor subsecretario comisionado procurador contralor
    king prince spokesman chairman congressman mr. mr sr. don
""")

ORGANIZATION_WORDS = word_set("""
    department ministry house office council party bank agency army navy court university
    committee commission congress senate parliament government administration embassy
    union nations states republic kingdom federation organization organisation
    foundation institute group company corporation corp. inc. ltd. force forces police
    guard command cartel cartels front movement association alliance network service
    treasury pentagon kremlin fund program programme summit conference assembly board
    marines
    ministerio casa oficina consejo partido banco agencia ejército armada corte universidad
    comité comisión congreso senado parlamento gobierno administración embajada unión
    naciones estados unidos república reino federación organización fundación instituto
    grupo empresa compañía fuerza fuerzas policía guardia comando cartel cártel frente
    movimiento asociación alianza red servicio fiscalía cancillería procuraduría
    defensoría contraloría registraduría tribunal cámara asamblea secretaría
    palacio departamento hacienda defensa exteriores relaciones interior justicia salud
    educación comercio trabajo agricultura energía minas ambiente cultura transporte
    vivienda economía finanzas tesoro exterior
""")
"""Words that make a capitalised phrase an organisation or a place, not a person."""

PORTFOLIO_WORDS = word_set("""
    defensa hacienda exteriores relaciones interior justicia salud educación comercio
    trabajo agricultura energía minas ambiente cultura transporte vivienda economía
    finanzas gobierno tesoro exterior state treasury defense defence homeland commerce
    justice energy health education agriculture labor labour transportation housing
    interior finance trade foreign environment mining mines economy culture transport
    migration
""")
"""Portfolio words that belong to a role ("ministro de Defensa", "Secretary of State")."""

NAME_PARTICLES = word_set("de del la las los van von da das dos di du bin al el y")

NOT_NAME_WORDS = word_set("""
    the a an this that these those his her their its our my your after before when while
    but and or if as at in on of for from by with without to into over under about
    during since until between among against through although though because however
    meanwhile also then there here it we they he she i you who what which where why how
    earlier later last next yesterday today tomorrow tonight some many most all both each
    several other others another such no not one two three first second new former
    mr mrs ms dr
    el la los las un una unos unas este esta estos estas ese esa eso su sus tras antes
    después cuando mientras pero y o si como en de del por para con sin sobre entre
    durante desde hasta según aunque porque sin embargo además también luego allí aquí
    nosotros ellos ellas él ella yo usted quien quienes qué cuál donde cómo ayer hoy
    mañana anoche algunos algunas muchos todos todas ambos cada otro otra otros
    ningún ninguna primer primera segundo nuevo nueva ex
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    lunes martes miércoles jueves viernes sábado domingo
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
    noviembre diciembre
    god dios amen
""")
"""Capitalised words that start sentences or name times, never a person's first word."""

CHANNEL_WORDS = word_set("""
    efe reuters ap afp bloomberg dpa ansa xinhua tass irib irna europa press
    cnn bbc npr fox nbc cbs abc telesur semana caracol rcn
    agency broadcaster newspaper daily network television radio outlet channel agencia
    diario periódico cadena televisión emisora canal medio
""")
"""Words that make the object of "according to" a news channel, not a speaker."""

NEWS_AGENCIES = ("EFE", "Reuters", "AP", "AFP", "Bloomberg", "DPA", "ANSA", "Xinhua",
                 "Europa Press", "Associated Press", "Agence France-Presse", "TASS")

# ---------------------------------------------------------------- quoted names and terms

NAMING_WORDS_BEFORE = word_set("""
    so-called dubbed nicknamed titled entitled codenamed code-named branded labelled
    labeled slogan motto hashtag term word phrase expression label banner
    llamado llamada llamados llamadas denominado denominada denominados denominadas
    apodado apodada bautizado bautizada titulado titulada lema término palabra expresión
    eslogan etiqueta alias
""")
"""Words just before quotation marks that mark a name, title or term, not speech."""

NAMED_THINGS = word_set("""
    policy plan program programme law bill operation strategy doctrine list campaign
    movement initiative deal agreement summit book film movie song report show series
    newspaper magazine daily documentary project reform decree treaty pact accord
    política plan programa ley proyecto operación estrategia doctrina lista campaña
    movimiento iniciativa acuerdo cumbre libro película canción informe serie diario
    periódico revista documental reforma decreto tratado pacto operativo
""")
"""Nouns a quoted name or title sits next to ("the “total peace” policy", "la lista")."""

KNOWN_AS = (r"(?:known|referred\s+to|conocid[oa]s?|denominad[oa]s?)(?:\s+\w+(?:ly|mente))?"
            r"\s+(?:as|como)$")
"""Words before a quoted name: "known locally as ‘Herencia Colombia’"."""

NEGATIONS = word_set("not no never nunca declined refused declinó rehusó n't")
"""A speech verb after these ("has not commented") attributes nothing."""

# ---------------------------------------------------------------- languages

STOPWORDS = {
    "en": word_set("""the of and to in is was that for on with as by at from it be has have
                 he she his her they their this which said will would not are were an or
                 but its after had been who"""),
    "es": word_set("""el la los las de del y que en un una por con para se su sus es al lo
                 como más pero fue ha han dijo este esta son también según tras sobre
                 entre sin ya le les"""),
}
