"""Common given names in English, Spanish and world news.

A capitalised pair such as "Laura Sarabia" is taken for a person without a title or a
speech verb next to it when its first word is a known given name; "Latin America" or
"Casa Nariño" are not. The list need not be complete: titles, speech verbs and the fact
base's people find the others.
"""

from __future__ import annotations

from .lexicon import bare

_NAMES = """
aaron abbas abdel abdul abdullah abel abigail abraham ada adam adrián adriana agustín
ahmed aída alan alberto albert alejandra alejandro alex alexander alexandra alexis alfonso
alfredo ali alice alicia alison álvaro amanda amy ana andrea andrés andrew andy ángel
ángela angélica ann anna anne anthony antonio antony ariel armando arturo ashley aurelio
bárbara barack beatriz ben benjamin benjamín bernardo bernie betty beto bill blanca bob
boris brad brandon brenda brian bruce bruno camila camilo carla carlos carmen carol
carolina catalina catherine cecilia césar charles charlie chris christian christine
christopher chuck cindy claudia clara claudio cristian cristina cynthia dan daniel
daniela danilo dario darío david davide deborah delcy denise dennis diana diego dilma
dina dmitry dolores donald dora douglas edgar edith eduardo edward elena elías
eliana elizabeth ella ellen elon emilio emily emma emmanuel enrique eric erica ernesto
esteban estela eugenia eva evo fabián federico felipe fernanda fernando francia
francisco frank franklin gabriel gabriela gavin george gerardo germán gilberto giorgia
gloria gonzalo graciela greg guillermo gustavo hakeem hamid hassan héctor helen henry
hernán hilary hillary horacio hugo humberto ignacio iván isabel isabella ivonne jack
jaime jair james jamie jane janet javier jean jeff jeffrey jennifer jeremy jerome
jessica jesús jill jim jimmy joan joaquín joe joel john johnny jon jorge josé josefina
joseph josh joshua juan juana judith julia julián juliana julie julio justin karen karin
karina karoline kamala kate katherine kathleen keir kevin kim kristi larry laura lázaro
leonardo leticia lidia liliana linda lisa lloyd lorena lorenzo lucas lucía luis luisa
luiz lula luz manuel marcela marco marcos margarita maría mariana mario mark marta martha
martín mary masoud mateo matthew maurice mauricio max mayra megan melania mercedes
miguel mike mohammed muhammad mónica nancy natalia nathalie nayib nelson nicolás nicole
nora norma óscar oscar olaf omar pablo pamela patricia patrick paul paula pedro pete
peter rafael ramiro ramón raúl rebecca ricardo richard rick rishi robert roberto rocío
rodrigo rodolfo ron ronald rosa rosario rubén ruth ryan salvador samuel sandra santiago
sara sarah scott sebastián sergei sergey sergio silvia simón sofía sonia stephen steve
steven susan susana tammy teresa thomas tim timothy todd tom tony ursula valentina
valeria vanessa verónica vicente víctor viktor vladimir volodymyr walter wendy william
xavier ximena xi yolanda yulia
"""

GIVEN_NAMES = frozenset(bare(name) for name in _NAMES.split())


def is_given_name(word: str) -> bool:
    return bare(word) in GIVEN_NAMES
